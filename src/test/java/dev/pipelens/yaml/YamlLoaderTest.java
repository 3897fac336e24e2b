package dev.pipelens.yaml;

import dev.pipelens.model.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlLoaderTest {

    private final YamlLoader loader = new YamlLoader();

    private static Diagnostic only(YamlDocument doc, String code) {
        List<Diagnostic> found = doc.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        assertEquals(1, found.size(), () -> "expected one " + code + " in " + doc.diagnostics());
        return found.get(0);
    }

    @Test
    void everyNodeKnowsItsLineAndColumn() {
        YamlDocument doc = loader.parse("steps:\n  - label: a\n    command: x\n  - wait\n", "p.yml");
        assertTrue(doc.diagnostics().isEmpty(), doc.diagnostics()::toString);
        YamlMap root = assertInstanceOf(YamlMap.class, doc.root());
        YamlSeq steps = assertInstanceOf(YamlSeq.class, root.get("steps"));
        YamlMap first = assertInstanceOf(YamlMap.class, steps.get(0));
        assertEquals(2, first.span().line());
        assertEquals(5, first.span().column());
        YamlScalar cmd = assertInstanceOf(YamlScalar.class, first.get("command"));
        assertEquals(3, cmd.span().line());
        assertEquals(14, cmd.span().column());
        assertEquals("p.yml", cmd.span().file());
        assertEquals(4, steps.get(1).span().line());
    }

    @Test
    void scalarsResolveWithTheYaml12CoreSchema() {
        YamlMap root = (YamlMap) loader.parse("a: true\nb: 'true'\nc: 12\nd: ~\ne:\nf: on\ng: 1.5\n", "f").root();
        assertEquals(YamlScalar.Kind.BOOL, ((YamlScalar) root.get("a")).kind());
        assertEquals(YamlScalar.Kind.STRING, ((YamlScalar) root.get("b")).kind());
        assertEquals(YamlScalar.Kind.INT, ((YamlScalar) root.get("c")).kind());
        assertTrue(((YamlScalar) root.get("d")).isNull());
        assertTrue(((YamlScalar) root.get("e")).isNull());
        assertEquals(YamlScalar.Kind.STRING, ((YamlScalar) root.get("f")).kind(), "YAML 1.2: on is a string");
        assertEquals(YamlScalar.Kind.FLOAT, ((YamlScalar) root.get("g")).kind());
    }

    @Test
    void mergeKeysAndAliasesAreResolvedExplicitKeysWin() {
        String text = "base: &b\n  x: 1\n  y: 2\nother: &o\n  z: 3\njob:\n  <<: [*b, *o]\n  y: 9\nref: *b\n";
        YamlDocument doc = loader.parse(text, "f");
        assertTrue(doc.diagnostics().isEmpty(), doc.diagnostics()::toString);
        YamlMap root = (YamlMap) doc.root();
        YamlMap job = (YamlMap) root.get("job");
        assertEquals("1", job.text("x"));
        assertEquals("9", job.text("y"));
        assertEquals("3", job.text("z"));
        assertSame(root.get("base"), root.get("ref"), "aliases share the anchored node");
    }

    @Test
    void javaTagsAreRefusedWithLocationAndNothingIsConstructed() {
        YamlDocument doc = loader.parse("steps:\n  - command: !!java.lang.ProcessBuilder [\"rm\"]\n", "f.yml");
        Diagnostic d = only(doc, YamlLoader.TAG);
        assertTrue(d.isError());
        assertEquals(2, d.span().line());
        assertEquals(14, d.span().column());
        assertTrue(d.message().contains("!!java.lang.ProcessBuilder"), d.message());
        assertNotNull(doc.root(), "the rest of the document still loads");
    }

    @Test
    void anUnquotedNegationIsRefusedWithHowToQuoteIt() {
        YamlDocument doc = loader.parse("jobs:\n  a:\n    if: !cancelled()\n", "w.yml");
        Diagnostic d = only(doc, YamlLoader.TAG);
        assertTrue(d.isError());
        assertEquals(3, d.span().line());
        assertTrue(d.message().contains("quote it, e.g. '!cancelled()'"), d.message());
        Diagnostic java = only(loader.parse("a: !!java.net.URL x\n", "f.yml"), YamlLoader.TAG);
        assertFalse(java.message().contains("quote it"), "a global tag is not a value that lost its quotes");
    }

    @Test
    void localTagsAreKeptForTheCiSystem() {
        YamlDocument doc = loader.parse("a: !reference [.setup, script]\n", "f");
        assertTrue(doc.diagnostics().isEmpty());
        YamlSeq ref = (YamlSeq) ((YamlMap) doc.root()).get("a");
        assertEquals("!reference", ref.tag());
    }

    @Test
    @Timeout(10)
    void billionLaughsIsStoppedWithALocatedError() {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        YamlDocument doc = loader.parse(sb.toString(), "bomb.yml");
        Diagnostic d = only(doc, YamlLoader.ALIAS_EXPANSION);
        assertTrue(d.span().line() > 1);
        assertNull(doc.root());
    }

    @Test
    @Timeout(10)
    void deepNestingIsBounded() {
        String text = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        YamlDocument doc = loader.parse(text, "deep.yml");
        Diagnostic d = only(doc, YamlLoader.TOO_DEEP);
        assertEquals(1, d.span().line());
        assertNull(doc.root());
    }

    @Test
    void syntaxErrorsAreLocated() {
        YamlDocument doc = loader.parse("steps:\n  - label: a\n   command: b\n", "bad.yml");
        Diagnostic d = only(doc, YamlLoader.SYNTAX);
        assertEquals(3, d.span().line());
        assertFalse(d.message().contains("\n"));
    }

    @Test
    void invalidUtf8IsReportedNotGarbled() {
        byte[] bytes = "steps:\n  - label: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Diagnostic d = only(loader.parse(bytes, "latin1.yml"), YamlLoader.ENCODING);
        assertEquals(2, d.span().line());
        assertEquals(15, d.span().column());
    }

    @Test
    void oversizedInputIsRefusedBeforeParsing() {
        YamlLoader small = new YamlLoader(YamlLimits.DEFAULT.withMaxFileBytes(100));
        Diagnostic d = only(small.parse(("x: " + "y".repeat(200)).getBytes(StandardCharsets.UTF_8), "big.yml"), YamlLoader.TOO_LARGE);
        assertTrue(d.message().contains("--max-file-size"));
    }

    @Test
    void binaryJunkGivesAnErrorNotAnException() {
        byte[] junk = new byte[256];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 31 + 7);
        }
        YamlDocument doc = loader.parse(junk, "junk.bin");
        assertTrue(doc.hasErrors());
    }

    @Test
    void duplicateKeysWarnAndTheLaterWins() {
        YamlDocument doc = loader.parse("a: 1\nb: 2\na: 3\n", "f");
        Diagnostic d = only(doc, YamlLoader.DUPLICATE_KEY);
        assertEquals(3, d.span().line());
        assertEquals("3", ((YamlMap) doc.root()).text("a"));
        assertEquals(List.of("b", "a"), ((YamlMap) doc.root()).keys());
    }

    @Test
    void recursiveAliasIsAnError() {
        YamlDocument doc = loader.parse("a: &x\n  b: *x\n", "f");
        only(doc, YamlLoader.RECURSIVE_ALIAS);
    }
}
