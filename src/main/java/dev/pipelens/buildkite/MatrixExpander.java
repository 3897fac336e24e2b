package dev.pipelens.buildkite;

import dev.pipelens.model.MatrixJob;
import dev.pipelens.yaml.YamlMap;
import dev.pipelens.yaml.YamlNode;
import dev.pipelens.yaml.YamlScalar;
import dev.pipelens.yaml.YamlSeq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a command step's {@code matrix} into its jobs: the list form ({@code {{matrix}}}) or the
 * {@code setup}/{@code adjustments} form ({@code {{matrix.name}}}), as the cartesian product of the
 * setup dimensions in source order, then adjustments in order: {@code skip} removes a combination (an
 * adjustment naming only some dimensions removes every combination with those values, as Buildkite runs
 * {@code buildkite/agent}'s release pipeline),
 * {@code soft_fail} marks one, and a combination not in the setup is added. Buildkite's limits
 * (6 dimensions, 25 values each, 12 adjustments, 50 jobs) are reported as errors.
 */
final class MatrixExpander {

    private static final String SINGLE = "";

    private final BuildkiteParser parser;

    MatrixExpander(BuildkiteParser parser) {
        this.parser = parser;
    }

    List<MatrixJob> expand(YamlNode node, String label) {
        if (node == null || node instanceof YamlScalar s && s.isNull()) {
            return List.of();
        }
        Map<String, List<String>> dims = new LinkedHashMap<>();
        List<YamlNode> adjustments = List.of();
        if (node instanceof YamlSeq seq) {
            dims.put(SINGLE, values(seq));
        } else if (node instanceof YamlMap m) {
            YamlNode setup = m.get("setup");
            if (setup instanceof YamlSeq seq) {
                dims.put(SINGLE, values(seq));
            } else if (setup instanceof YamlMap sm) {
                for (YamlMap.Entry e : sm.entries()) {
                    dims.put(e.name(), e.value() instanceof YamlSeq vs ? values(vs) : List.of());
                }
            } else {
                parser.error(BuildkiteCodes.MATRIX, "matrix needs a list of values or a \"setup:\"", m.span());
                return List.of();
            }
            if (m.get("adjustments") instanceof YamlSeq adj) {
                adjustments = adj.items();
            }
        } else {
            parser.error(BuildkiteCodes.MATRIX, "matrix must be a list or a mapping", node.span());
            return List.of();
        }
        if (dims.size() > 6) {
            parser.error(BuildkiteCodes.MATRIX, "a matrix may have at most 6 dimensions, this one has " + dims.size(),
                    node.span());
        }
        for (Map.Entry<String, List<String>> d : dims.entrySet()) {
            if (d.getValue().size() > 25) {
                parser.error(BuildkiteCodes.MATRIX, "matrix dimension " + (d.getKey().isEmpty() ? "" : d.getKey() + " ")
                        + "has " + d.getValue().size() + " values; the limit is 25", node.span());
            }
        }
        if (adjustments.size() > 12) {
            parser.error(BuildkiteCodes.MATRIX, "a matrix may have at most 12 adjustments", node.span());
        }
        List<Map<String, String>> combos = product(dims);
        List<Boolean> soft = new ArrayList<>();
        for (int i = 0; i < combos.size(); i++) {
            soft.add(Boolean.FALSE);
        }
        for (YamlNode a : adjustments) {
            if (!(a instanceof YamlMap am)) {
                continue;
            }
            Map<String, String> with = withValues(am.get("with"));
            boolean skip = isTrueOrReason(am.get("skip"));
            boolean softFail = isTrueOrReason(am.get("soft_fail"));
            if (!dims.keySet().containsAll(with.keySet()) || with.isEmpty()) {
                parser.error(BuildkiteCodes.MATRIX, "an adjustment's \"with\" must name matrix dimensions "
                        + (dims.keySet().equals(java.util.Set.of(SINGLE)) ? "" : dims.keySet().toString()), am.span());
                continue;
            }
            if (with.size() != dims.size()) {
                // go-pipeline's upload parser accepts a partial "with" (only a signed job's permutation check
                // wants every dimension); it then matches every combination with those values.
                if (!skip) {
                    parser.info(BuildkiteCodes.MATRIX,
                            "this adjustment names only " + with.keySet() + " of " + dims.keySet()
                                    + ": it cannot add a combination; it applies to every combination with those values",
                            am.span());
                }
                for (int i = combos.size() - 1; i >= 0; i--) {
                    if (combos.get(i).entrySet().containsAll(with.entrySet())) {
                        if (skip) {
                            combos.remove(i);
                            soft.remove(i);
                        } else if (softFail) {
                            soft.set(i, Boolean.TRUE);
                        }
                    }
                }
                continue;
            }
            int index = combos.indexOf(with);
            if (index < 0) {
                if (!skip) {
                    combos.add(with);
                    soft.add(softFail);
                }
            } else if (skip) {
                combos.remove(index);
                soft.remove(index);
            } else if (softFail) {
                soft.set(index, Boolean.TRUE);
            }
        }
        if (combos.size() > 50) {
            parser.error(BuildkiteCodes.MATRIX, "a matrix step may create at most 50 jobs, this one creates " + combos.size(),
                    node.span());
        }
        List<MatrixJob> jobs = new ArrayList<>(combos.size());
        for (int i = 0; i < combos.size(); i++) {
            jobs.add(new MatrixJob(combos.get(i), substitute(label, combos.get(i)), soft.get(i)));
        }
        return jobs;
    }

    private List<String> values(YamlSeq seq) {
        List<String> out = new ArrayList<>();
        for (YamlNode n : seq.items()) {
            if (n instanceof YamlScalar s) {
                out.add(s.isNull() ? "" : parser.str(s));
            } else {
                parser.error(BuildkiteCodes.MATRIX, "matrix values must be plain values, not " + n.describe(), n.span());
            }
        }
        return out;
    }

    private Map<String, String> withValues(YamlNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof YamlMap m) {
            for (YamlMap.Entry e : m.entries()) {
                if (e.value() instanceof YamlScalar s) {
                    out.put(e.name(), s.isNull() ? "" : parser.str(s));
                }
            }
        } else if (node instanceof YamlScalar s && !s.isNull()) {
            out.put(SINGLE, parser.str(s));
        } else if (node instanceof YamlSeq seq && seq.size() == 1 && seq.get(0) instanceof YamlScalar s) {
            out.put(SINGLE, parser.str(s));
        }
        return out;
    }

    private static boolean isTrueOrReason(YamlNode node) {
        if (!(node instanceof YamlScalar s) || s.isNull()) {
            return false;
        }
        return !"false".equals(s.value()) && !s.value().isEmpty();
    }

    private static List<Map<String, String>> product(Map<String, List<String>> dims) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> d : dims.entrySet()) {
            if ((long) out.size() * d.getValue().size() > 10_000) {
                break; // far beyond the 50-job and 25-value limits, already reported: not built
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : d.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(d.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** Replaces {@code {{matrix}}} and {@code {{matrix.name}}} tokens (spaces allowed inside the braces). */
    static String substitute(String text, Map<String, String> values) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                out.append(text, i, text.length());
                break;
            }
            String inner = text.substring(open + 2, close).trim();
            String replacement = null;
            if (inner.equals("matrix")) {
                replacement = values.get(SINGLE);
            } else if (inner.startsWith("matrix.")) {
                replacement = values.get(inner.substring("matrix.".length()));
            }
            out.append(text, i, open);
            out.append(replacement != null ? replacement : text.substring(open, close + 2));
            i = close + 2;
        }
        return out.toString();
    }
}
