package dev.pipelens.buildkite.plan;

import dev.pipelens.model.BlockStep;
import dev.pipelens.model.CommandStep;
import dev.pipelens.model.InputField;
import dev.pipelens.model.InputStep;
import dev.pipelens.model.MatrixJob;
import dev.pipelens.model.SoftFail;
import dev.pipelens.model.Step;
import dev.pipelens.model.TriggerStep;
import dev.pipelens.model.WaitStep;
import dev.pipelens.plan.RunSettings;

import java.util.List;

/** How a Buildkite step behaves when run, read once from the step as uploaded (spec sections 5, 6). */
final class BuildkiteRunSettings {

    private BuildkiteRunSettings() {
    }

    static RunSettings of(Step s) {
        SoftFail softFail = SoftFail.NONE;
        boolean someMatrixJobsSoftFail = false;
        boolean async = false;
        List<String> commands = List.of();
        if (s instanceof CommandStep c) {
            // a matrix whose every job soft-fails counts as soft_fail: true
            softFail = !c.softFail().isSet() && !c.matrixJobs().isEmpty()
                    && c.matrixJobs().stream().allMatch(MatrixJob::softFail) ? SoftFail.ALL : c.softFail();
            someMatrixJobsSoftFail = c.matrixJobs().stream().anyMatch(MatrixJob::softFail);
            commands = c.commands();
        } else if (s instanceof TriggerStep t) {
            softFail = t.softFail();
            async = t.async();
        }
        List<InputField> fields = s instanceof BlockStep b ? b.fields() : s instanceof InputStep i ? i.fields() : List.of();
        String blockedState = s instanceof BlockStep b ? b.blockedState() : s instanceof InputStep i ? i.blockedState() : null;
        return new RunSettings(softFail, someMatrixJobsSoftFail, s instanceof WaitStep w && w.continueOnFailure(),
                s.info().allowDependencyFailure(), async, null, List.of(), fields, blockedState, commands, s);
    }
}
