package dev.pipelens.plan;

import java.util.List;

/**
 * A column the CI system itself draws steps in, with the steps of one plan in it (a GitLab stage). Lanes
 * are ordered left to right; every step of the lane runs after every step of the lanes before it unless
 * it says otherwise (GitLab {@code needs}).
 *
 * @param name  the name as written (the stage name)
 * @param steps ids of the plan's steps in this lane, in source order
 */
public record Lane(String name, List<String> steps) {

    public Lane {
        steps = List.copyOf(steps);
    }
}
