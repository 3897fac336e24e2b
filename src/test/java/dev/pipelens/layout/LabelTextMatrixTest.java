package dev.pipelens.layout;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LabelTextMatrixTest {

    @Test
    void matrixTemplatesAreDrawnAsPlaceholdersNotRawTemplates() {
        assertEquals("Build release image \u2039arch\u203a",
                LabelText.display(":docker: Build release image {{matrix.arch}}", "id"));
        assertEquals("Test \u2039matrix\u203a on \u2039os\u203a", LabelText.display("Test {{ matrix }} on {{matrix.os}}", "id"));
        assertEquals("Deploy {{env}}", LabelText.display("Deploy {{env}}", "id"));
    }
}
