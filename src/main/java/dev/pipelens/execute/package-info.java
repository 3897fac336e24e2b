/**
 * Opt-in real execution of command steps for the runner: each job's commands run in {@code /bin/sh -e -c}
 * in a chosen working directory and a session of its own, with a minimal base of the user's environment
 * (plus names passed with {@code --pass-env}), the scenario's variables and Buildkite's predefined
 * variables, streaming output in bounded lines, with a timeout per job; timeout, cancel, the job's end
 * and the JVM's shutdown kill every process of its session.
 * Nothing here runs unless a caller builds an {@link dev.pipelens.execute.ExecutingJobRunner} and hands it
 * to {@link dev.pipelens.simulate.Simulation#setRunner} after an explicit user choice
 * ({@code pipelens run --execute}, or a confirmation dialog that lists the commands).
 */
package dev.pipelens.execute;
