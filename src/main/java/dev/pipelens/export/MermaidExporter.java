package dev.pipelens.export;

import dev.pipelens.layout.Layout;
import dev.pipelens.model.StepType;
import dev.pipelens.plan.EdgeKind;
import dev.pipelens.plan.Outcome;
import dev.pipelens.plan.Plan;
import dev.pipelens.plan.PlannedStep;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a Mermaid {@code flowchart LR}: a title in front matter, one {@code classDef} per outcome shown
 * (colours from the theme; skipped dashed), one {@code subgraph} per group with children, one node line
 * per step (blocks and inputs as hexagons, waits as small circles, triggers as parallelograms) and one
 * line per edge ({@code -->} explicit, {@code -.->} implicit, {@code ==>} group). Labels are quoted with
 * Mermaid's numeric entities for {@code " # & < > `}, so any text is safe.
 */
public final class MermaidExporter implements Exporter {

    @Override
    public void export(Plan plan, Layout layout, OutputStream out, ExportOptions options) throws IOException {
        out.write(toMermaid(plan, options).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The Mermaid text. */
    public String toMermaid(Plan plan, ExportOptions options) {
        ExportGraph eg = new ExportGraph(plan);
        Theme t = options.theme();
        Map<String, String> ids = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (PlannedStep s : eg.steps.values()) {
            String prefix = eg.children.containsKey(s.id()) ? "g_" : "n_";
            String base = prefix + sanitize(s.id());
            String id = base;
            for (int i = 2; !used.add(id); i++) {
                id = base + "_" + i;
            }
            ids.put(s.id(), id);
        }
        StringBuilder b = new StringBuilder();
        String title = options.title() != null ? options.title() : plan.file();
        if (title != null && !title.isBlank()) {
            b.append("---\ntitle: \"").append(yaml(Text.oneLine(title))).append("\"\n---\n");
        }
        b.append("flowchart LR\n");
        Set<Outcome> shown = EnumSet.noneOf(Outcome.class);
        for (PlannedStep s : eg.steps.values()) {
            if (s.outcome() != null && !eg.children.containsKey(s.id())) {
                shown.add(s.outcome());
            }
        }
        for (Outcome o : shown) {
            NodeStyle st = t.style(o);
            b.append("  classDef ").append(className(o)).append(" fill:").append(st.fill().hex()).append(",stroke:")
                    .append(st.stroke().hex()).append(",color:").append(st.text().hex());
            if (st.dashed()) {
                b.append(",stroke-dasharray:5 5");
            }
            b.append('\n');
        }
        // top-level steps and groups in source order; a group's children right inside its subgraph
        Set<String> written = new HashSet<>();
        for (PlannedStep s : eg.steps.values()) {
            if (eg.groupOf(s) != null || written.contains(s.id())) {
                continue;
            }
            List<String> kids = eg.children.get(s.id());
            if (kids == null) {
                node(b, "  ", s, ids);
                written.add(s.id());
                continue;
            }
            b.append("  subgraph ").append(ids.get(s.id())).append("[\"").append(label(ExportGraph.label(s)))
                    .append("\"]\n    direction LR\n");
            for (String k : kids) {
                if (written.add(k)) {
                    node(b, "    ", eg.steps.get(k), ids);
                }
            }
            b.append("  end\n");
            written.add(s.id());
        }
        for (ExportGraph.Edge e : eg.edges) {
            String arrow = e.kind == EdgeKind.IMPLICIT ? " -.-> " : e.kind == EdgeKind.GROUP ? " ==> " : " --> ";
            b.append("  ").append(ids.get(e.from)).append(arrow).append(ids.get(e.to)).append('\n');
        }
        return b.toString();
    }

    private static void node(StringBuilder b, String indent, PlannedStep s, Map<String, String> ids) {
        String text = label(ExportGraph.label(s));
        String open;
        String close;
        StepType type = s.type() == null ? StepType.COMMAND : s.type();
        if (type == StepType.WAIT) {
            open = "((\"";
            close = "\"))";
        } else if (type.isGateType()) {
            open = "{{\"";
            close = "\"}}";
        } else if (type == StepType.TRIGGER) {
            open = "[/\"";
            close = "\"/]";
        } else if (type == StepType.GROUP) {
            open = "[[\"";
            close = "\"]]";
        } else {
            open = "[\"";
            close = "\"]";
        }
        b.append(indent).append(ids.get(s.id())).append(open).append(text).append(close);
        if (s.outcome() != null) {
            b.append(":::").append(className(s.outcome()));
        }
        b.append('\n');
    }

    static String className(Outcome o) {
        return o.id().replace('-', '_');
    }

    /** Mermaid node id characters: letters, digits and underscores. */
    static String sanitize(String id) {
        StringBuilder b = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            b.append(c < 128 && Character.isLetterOrDigit(c) ? c : '_');
        }
        return b.length() == 0 ? "_" : b.toString();
    }

    /** A label for inside {@code "..."}: numeric entities for the characters Mermaid would read. */
    static String label(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    b.append("#34;");
                    break;
                case '#':
                    b.append("#35;");
                    break;
                case '&':
                    b.append("#38;");
                    break;
                case '<':
                    b.append("#60;");
                    break;
                case '>':
                    b.append("#62;");
                    break;
                case '`':
                    b.append("#96;");
                    break;
                case '\n':
                    b.append("<br/>");
                    break;
                case '\r':
                    break;
                default:
                    b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
            }
        }
        return b.toString();
    }

    private static String yaml(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

}
