/**
 * The why panel: {@link dev.pipelens.gui.why.StepExplainer} turns a planned step into
 * {@link dev.pipelens.gui.why.StepDetails} (outcome, typed reasons, condition trace, file excerpt) and
 * {@link dev.pipelens.gui.why.WhyPanel} shows them with links to the steps they name.
 */
package dev.pipelens.gui.why;
