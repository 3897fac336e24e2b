/**
 * The changes tab of compare mode: {@link dev.pipelens.gui.changes.ChangesPanel} lists the plan diff
 * against another file and {@link dev.pipelens.gui.changes.DiffText} words each change (kept apart from the control so tests need no toolkit).
 */
package dev.pipelens.gui.changes;
