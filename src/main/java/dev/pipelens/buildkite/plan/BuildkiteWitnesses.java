package dev.pipelens.buildkite.plan;

import dev.pipelens.expr.Dnf;
import dev.pipelens.buildkite.expr.BuildkiteAtoms;
import dev.pipelens.buildkite.expr.CompiledCondition;
import dev.pipelens.model.Scenario;
import dev.pipelens.model.Step;
import dev.pipelens.plan.NamedScenario;
import dev.pipelens.plan.ScenarioWitnesses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Buildkite scenario candidates from the steps' {@code if} conditions (each way of making one true, and
 * false) and {@code branches} filters (a branch each pattern accepts, one that no pattern accepts). Values
 * are mapped onto the build facts: {@code build.branch}, {@code build.tag}, {@code build.source},
 * {@code build.message}, {@code build.pull_request.*} (a pull request build) and other {@code build.*}
 * variables by their dotted name; {@code build.env("X")} is the variable X.
 */
final class BuildkiteWitnesses {

    private static final int MAX = 300;

    private BuildkiteWitnesses() {
    }

    static List<NamedScenario> of(List<Step> steps, Function<String, Object> compile, Scenario base) {
        Function<String, String> known = name -> switch (name) {
            case "build.branch" -> base.branch() == null ? base.effectiveDefaultBranch() : base.branch();
            case "pipeline.default_branch" -> base.effectiveDefaultBranch();
            default -> base.variables().get(name);
        };
        Set<Map<String, String>> all = new LinkedHashSet<>();
        for (Step s : steps) {
            if (s.info().condition() != null && compile.apply(s.info().condition().text()) instanceof CompiledCondition cc) {
                Dnf dnf = BuildkiteAtoms.of(cc);
                all.addAll(ScenarioWitnesses.assignments(dnf, known));
                all.addAll(ScenarioWitnesses.assignments(dnf.not(), known));
            }
            for (String pattern : s.info().branches()) {
                Map<String, String> a = new LinkedHashMap<>();
                a.put("build.branch", pattern.startsWith("!") ? "other-branch"
                        : pattern.replace("*", "x"));
                all.add(a);
            }
            if (!s.info().branches().isEmpty()) {
                all.add(Map.of("build.branch", "no-filter-matches"));
            }
            if (all.size() > MAX) {
                break;
            }
        }
        return ScenarioWitnesses.named(all, a -> apply(base, a));
    }

    static Scenario apply(Scenario base, Map<String, String> a) {
        Scenario s = base;
        for (Map.Entry<String, String> e : a.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            switch (k) {
                case "build.branch" -> s = v == null ? s : s.withBranch(v);
                case "build.tag" -> s = v == null ? s.withTag(null) : s.withBranch(null).withTag(v);
                case "build.source" -> s = s.withSource(v);
                case "build.message" -> s = s.withMessage(v);
                case "build.pull_request.id" -> s = s.withPullRequest(v == null ? null : v.matches("\\d+") ? v : "42");
                case "pipeline.default_branch" -> s = v == null ? s : s.withDefaultBranch(v);
                default -> {
                    if (k.startsWith("build.pull_request.") && v != null && s.pullRequest() == null) {
                        s = s.withPullRequest("42");
                    }
                    s = s.withVariable(k, v);
                }
            }
        }
        return s;
    }
}
