/**
 * Opt-in real execution of command steps for the runner: each job's commands run in {@code /bin/sh -e -c}
 * in a chosen working directory, with the scenario's variables and Buildkite's predefined variables,
 * streaming output lines, with a timeout per job and a cancel that kills the whole process tree.
 * Nothing here runs unless a caller builds an {@link dev.pipelens.execute.ExecutingJobRunner} and hands it
 * to {@link dev.pipelens.simulate.Simulation#setRunner} after an explicit user choice
 * ({@code pipelens run --execute}, or a confirmation dialog that lists the commands).
 */
package dev.pipelens.execute;
