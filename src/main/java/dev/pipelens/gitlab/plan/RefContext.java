package dev.pipelens.gitlab.plan;

import dev.pipelens.gitlab.expr.VariableLookup;

/**
 * The pipeline facts {@code only/except:refs} test (spec 3.2): the ref name, whether it is a tag or a merge
 * request pipeline (a branch pipeline is neither), and the pipeline source.
 */
record RefContext(String ref, boolean tag, boolean mergeRequest, String source, String projectPath) {

    static RefContext of(VariableLookup v) {
        String source = v.get("CI_PIPELINE_SOURCE");
        return new RefContext(v.get("CI_COMMIT_REF_NAME"), v.get("CI_COMMIT_TAG") != null,
                "merge_request_event".equals(source), source == null ? "push" : source, v.get("CI_PROJECT_PATH"));
    }

    boolean branch() {
        return !tag && !mergeRequest;
    }

    String kind() {
        return tag ? "tag pipeline" : mergeRequest ? "merge request pipeline" : "branch pipeline";
    }
}
