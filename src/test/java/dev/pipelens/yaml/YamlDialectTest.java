package dev.pipelens.yaml;

import dev.pipelens.model.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plain scalars and merge keys as GitLab's reader (Psych) and Buildkite's (gopkg.in/yaml.v3 via
 * buildkite/go-pipeline) read them. Expected answers: ruby/psych test/psych/test_scalar_scanner.rb and
 * test_merge_keys.rb @7d5e0362, lib/psych/visitors/to_ruby.rb {@code revive_hash}; Ruby's Float#to_s
 * documentation; go-yaml/yaml v3 resolve.go; buildkite/go-pipeline ordered/yaml.go {@code rangeYAMLMapImpl}.
 */
class YamlDialectTest {

    private static YamlScalar psych(String plain) {
        YamlDocument doc = new YamlLoader(YamlLimits.DEFAULT, YamlDialect.PSYCH).parse("v: " + plain + "\n", "t.yml");
        return (YamlScalar) ((YamlMap) doc.root()).get("v");
    }

    private static YamlScalar go(String plain) {
        YamlDocument doc = new YamlLoader(YamlLimits.DEFAULT, YamlDialect.YAML_1_2).parse("v: " + plain + "\n", "t.yml");
        return (YamlScalar) ((YamlMap) doc.root()).get("v");
    }

    @ParameterizedTest(name = "Psych reads {0} as {1} {2}")
    @CsvSource(delimiter = '|', value = {
            // booleans: BOOLEAN_TRUE = /^(yes|true|on)$/i, BOOLEAN_FALSE = /^(no|false|off)$/i
            "yes|BOOL|true", "Yes|BOOL|true", "YES|BOOL|true", "on|BOOL|true", "ON|BOOL|true", "tRuE|BOOL|true",
            "no|BOOL|false", "Off|BOOL|false", "FALSE|BOOL|false", "y|STRING|y", "n|STRING|n", "yess|STRING|yess",
            // null: '~' or /^null$/i, and the empty scalar
            "~|NULL|~", "NULL|NULL|NULL", "nUlL|NULL|nUlL",
            // test_scan_int_commas_and_underscores, test_scan_sexagesimal_int, test_scan_not_sexagesimal
            "123_456_789|INT|123456789", "'1_2,3,4_5,6_789'|INT|123456789", "0b010101010|INT|170",
            "01234567|INT|342391", "0x123456789abcdef|INT|81985529216486895", "+1|INT|1", "-1|INT|-1",
            "190:20:30|INT|685230", "12:30|INT|45000", "00:00:00:00:00|STRING|00:00:00:00:00",
            "08|STRING|08", "_100|STRING|_100", "100_|STRING|100_", "450D|STRING|450D",
            // floats, printed as Ruby's Float#to_s prints them
            "1.2|FLOAT|1.2", "3.10|FLOAT|3.1", "1.0|FLOAT|1.0", "0.E+0|FLOAT|0.0", "190:20:30.15|FLOAT|685230.15",
            "1.0e+16|FLOAT|1.0e+16", "0.00001|FLOAT|1.0e-05", "0.0001|FLOAT|0.0001", ".inf|FLOAT|Infinity",
            "-.inf|FLOAT|-Infinity", ".NaN|FLOAT|NaN", ".|STRING|.", "1e3|STRING|1e3",
            // everything else stays a string, as written
            ":foo|STRING|:foo", "python:3.10|STRING|python:3.10", "echo yes|STRING|echo yes",
    })
    void psychResolvesPlainScalars(String plain, YamlScalar.Kind kind, String text) {
        String value = plain.startsWith("'") ? plain.substring(1, plain.length() - 1) : plain;
        YamlScalar s = psych(value);
        assertEquals(kind, s.kind(), plain);
        assertEquals(text, s.value(), plain);
    }

    @Test
    void quotedScalarsStayStringsAndKeysKeepTheirText() {
        YamlDocument doc = new YamlLoader(YamlLimits.DEFAULT, YamlDialect.PSYCH).parse("on: 'yes'\n", "t.yml");
        YamlMap m = (YamlMap) doc.root();
        assertEquals("on", m.entries().get(0).name());
        assertEquals(YamlScalar.Kind.STRING, ((YamlScalar) m.get("on")).kind());
    }

    @Test
    void datesAndTimesAreRefusedAsGitLabRefusesThem() {
        // Psych returns Date / Time; GitLab's safe_load does not permit those classes (Psych::DisallowedClass)
        YamlDocument doc = new YamlLoader(YamlLimits.DEFAULT, YamlDialect.PSYCH)
                .parse("a: 2024-01-31\nb: 2001-12-14t21:59:43.10-05:00\nc: 2024-02-30\n", "t.yml");
        List<Diagnostic> refused = doc.diagnostics().stream().filter(d -> d.code().equals(YamlLoader.PSYCH_REFUSED))
                .collect(Collectors.toList());
        assertEquals(List.of(1, 2), refused.stream().map(d -> d.span().line()).collect(Collectors.toList()),
                "2024-02-30 is no date (strptime fails), so Psych keeps the string");
    }

    @ParameterizedTest(name = "yaml.v3 reads {0} as {1}")
    @CsvSource(delimiter = '|', value = {
            "yes|STRING", "on|STRING", "True|BOOL", "TRUE|BOOL", "tRuE|STRING", "~|NULL", "Null|NULL", "0x1F|INT"})
    void buildkiteKeepsYaml12Scalars(String plain, YamlScalar.Kind kind) {
        assertEquals(kind, go(plain).kind(), plain);
    }

    private static final String MERGE_AFTER_KEY = """
            .tpl: &tpl
              when: manual
              stage: test
            job:
              when: always
              <<: *tpl
              script: [x]
            """;

    private static final String MERGE_LIST = """
            a: &a {k: from-a, only-a: 1}
            b: &b {k: from-b, only-b: 2}
            job:
              <<: [*a, *b]
              k2: v
            """;

    private static String text(YamlDocument doc, String job, String key) {
        return ((YamlScalar) ((YamlMap) ((YamlMap) doc.root()).get(job)).get(key)).value();
    }

    private static List<String> keys(YamlDocument doc, String job) {
        return ((YamlMap) ((YamlMap) doc.root()).get(job)).entries().stream().map(YamlMap.Entry::name)
                .collect(Collectors.toList());
    }

    @Test
    void psychMergesInDocumentOrder() {
        YamlDocument doc = new YamlLoader(YamlLimits.DEFAULT, YamlDialect.PSYCH).parse(MERGE_AFTER_KEY, "t.yml");
        assertEquals("manual", text(doc, "job", "when"), "hash.merge! after when: always overrides it");
        assertEquals(List.of("when", "stage", "script"), keys(doc, "job"), "a replaced key keeps its place");
        YamlDocument list = new YamlLoader(YamlLimits.DEFAULT, YamlDialect.PSYCH).parse(MERGE_LIST, "t.yml");
        assertEquals("from-a", text(list, "job", "k"), "in a merge list the earlier mapping wins");
        YamlDocument before = new YamlLoader(YamlLimits.DEFAULT, YamlDialect.PSYCH)
                .parse(".t: &t {when: manual}\njob:\n  <<: *t\n  when: always\n", "t.yml");
        assertEquals("always", text(before, "job", "when"), "a key after the merge overrides it");
    }

    @Test
    void psychKeepsAMergeOfANonMappingAsAnOrdinaryKey() {
        // test_merge_nil, test_bad_seq_merge: {'<<' => nil}, {'<<' => [1, 2, 3]}
        YamlDocument doc = new YamlLoader(YamlLimits.DEFAULT, YamlDialect.PSYCH)
                .parse("d: &d [1, 2, 3]\ndev:\n  <<: *d\n", "t.yml");
        assertEquals(List.of("<<"), keys(doc, "dev"));
    }

    @Test
    void buildkiteExplicitKeysWinWhereverTheMergeStands() {
        YamlDocument doc = new YamlLoader().parse(MERGE_AFTER_KEY, "t.yml");
        assertEquals("always", text(doc, "job", "when"), "rangeYAMLMapImpl skips keys the outer map has");
        assertEquals(List.of("when", "stage", "script"), keys(doc, "job"), "merged keys stand where << is written");
        YamlDocument list = new YamlLoader().parse(MERGE_LIST, "t.yml");
        assertEquals("from-a", text(list, "job", "k"), "earlier mappings in the sequence win");
    }

    @Test
    void rubyFloatToS() {
        assertEquals("1.644631821843879e+50", PsychScalars.rubyFloat(Math.pow(10.1, 50)), "Float#to_s doc example");
        assertEquals("3.14", PsychScalars.rubyFloat(3.14));
        assertEquals("1000000000000000.0", PsychScalars.rubyFloat(1e15));
        assertTrue(PsychScalars.rubyFloat(-2.5).equals("-2.5"));
    }
}
