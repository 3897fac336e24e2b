package dev.pipelens.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regex examples: each checked with RE2/J; constructs the translation cannot express give none. */
class RegexWitnessTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
        ^v[0-9]+\\.[0-9]+\\.[0-9]+$ ;
        \\[deploy( prod)?\\]        ; i
        ^release/.*                 ;
        (?i)^(main|master)$         ;
        \\Av\\d+\\z                 ;
        ^(?:feat|fix)-\\w+$         ;
        docs?                       ;
        """)
    void examplesMatchAndNonExamplesDoNot(String source, String flags) {
        String yes = RegexWitness.matching(source.trim(), flags == null ? "" : flags);
        String no = RegexWitness.notMatching(source.trim(), flags == null ? "" : flags);
        assertTrue(yes != null && RegexWitness.find(source.trim(), flags == null ? "" : flags, yes), source + " -> " + yes);
        assertTrue(no != null && !no.isEmpty() && !RegexWitness.find(source.trim(), flags == null ? "" : flags, no),
                source + " -> " + no);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
        ^.+$ ; ^v[0-9]+\\.[0-9]+\\.[0-9]+$
        ^(master|2-1-stable)$ ; ^master$
        """)
    void aValueTheFirstAcceptsAndTheSecondRejects(String first, String second) {
        String w = RegexWitness.inFirstOnly(first, "", second, "");
        assertTrue(w != null && RegexWitness.find(first, "", w) && !RegexWitness.find(second, "", w), w);
    }

    @ParameterizedTest
    @CsvSource({"\\bword\\b", "(?=x)y", "\\pL+"})
    void untranslatableGiveNoExample(String source) {
        String w = RegexWitness.matching(source, "");
        assertTrue(w == null || RegexWitness.find(source, "", w), "never a wrong example: " + w);
        assertFalse(w != null && !RegexWitness.find(source, "", w));
    }
}
