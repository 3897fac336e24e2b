package dev.pipelens.buildkite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Agent-side interpolation: every row of spec section 7 and the outputs of section 10.2 (buildkite/interpolate v0.1.5). */
class InterpolationTest {

    /** The environment of spec 10.2 plus a few names used by section 7's rows. */
    private static final Map<String, String> ENV = Map.of(
            "SET", "val", "EMPTY", "", "NIGHTLY", "true", "TEST1", "A test",
            "COMMIT", "1adf998e39f647b4b25842f107c6ed9d30a3a7c7", "B", "bee", "VERSION", "123.55.66");
    private static final Function<String, String> LOOKUP = ENV::get;

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', emptyValue = "", textBlock = """
            # --- spec 10.2 ---
            ${EMPTY?}                    => ``
            ${EMPTY-def}                 => ``
            ${EMPTY:-def}                => def
            ${UNSET-def}                 => def
            $$SET                        => $SET
            \\$SET                        => $SET
            $${SET:-$SET}                => ${SET:-val}
            $${SET:-$$SET}               => ${SET:-$SET}
            /\\/feature$/                 => /\\/feature$/
            /\\/feature$$/                => /\\/feature$/
            /\\/release-123\\$/           => /\\/release-123$/
            $5                           => $5
            `a $ b`                      => `a $ b`
            $_X                          => $_X
            $1                           => $1
            $(cmd)                       => $(cmd)
            ${SET:1:2}                   => al
            ${SET: -1}                   => l
            ${UNSET:0:7}                 => ``
            if: $NIGHTLY == "true"       => if: true == "true"
            `$UNSET == "true"`           => ` == "true"`
            # --- spec 7 table ---
            $TEST1                       => A test
            ${TEST1}                     => A test
            $UNSET                       => ``
            $Test1                       => ``
            my$TEST1.                    => myA test.
            ${UNSET:-$B}                 => bee
            ${UNSET:-${EMPTY:-$B}}       => bee
            ${SET:-def}                  => val
            ${SET-def}                   => val
            ${SET?}                      => val
            ${EMPTY?msg}                 => ``
            $${SUCH}                     => ${SUCH}
            \\${SUCH}                     => ${SUCH}
            \\\\                          => \\\\
            \\\\$SET                      => \\\\val
            \\n$SET                       => \\nval
            end$                         => end$
            ${COMMIT:0:7}                => 1adf998
            ${COMMIT:7:7}                => e39f647
            ${COMMIT:7:-7}               => e39f647b4b25842f107c6ed9d3
            ${COMMIT: -7}                => 0a3a7c7
            ${COMMIT: -128}              => 1adf998e39f647b4b25842f107c6ed9d30a3a7c7
            ${COMMIT:128}                => ``
            ${COMMIT:0:-128}             => ``
            ${COMMIT:0:0}                => ``
            ${SET:1}                     => al
            ${EMPTY:-127}                => 127
            ${EMPTY:--:{}}               => -:{}
            ${VERSION%.*}                => 123.55
            ${VERSION%%.*}               => 123
            ${VERSION#*.}                => 55.66
            ${VERSION##*.}               => 66
            ${VERSION%[}                 => 123.55.66
            $SET$SET                     => valval
            """)
    void expandsLikeTheAgent(String text, String expected) throws InterpolationException {
        assertEquals(expected, Interpolation.expand(text, LOOKUP));
    }

    @ParameterizedTest(name = "{0} -> error at {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            ${SET:?}                     => 6  => Unable to parse offset
            ${UNSET?}                    => 0  => $UNSET: not set
            ${SLACK_CHANNEL?}            => 0  => $SLACK_CHANNEL: not set
            x ${UNSET?please set it}     => 2  => $UNSET: please set it
            ${UNSET?$SET is needed}      => 0  => $UNSET: val is needed
            ${SET+x}                     => 5  => Expected an operator, got +
            ${SET:+x}                    => 6  => Unable to parse offset
            ${5}                         => 2  => Expected identifier to start with a letter, got 5
            ${SET                        => 5  => Expected an operator, got EOF
            ${SET:-x                     => 8  => Expected brace expansion to end with }, got EOF
            ${SET:1:x}                   => 8  => Unable to parse length
            ${UNSET?} ${SET+x}           => 15 => Expected an operator, got +
            """)
    void failsLikeTheAgent(String text, int offset, String messageStart) {
        InterpolationException error = assertThrows(InterpolationException.class, () -> Interpolation.expand(text, LOOKUP));
        assertEquals(offset, error.offset());
        assertEquals(messageStart, error.getMessage().substring(0, Math.min(messageStart.length(), error.getMessage().length())));
    }

    @Test
    void textWithoutDollarIsReturnedAsTheSameInstance() throws InterpolationException {
        String text = new String("echo \\\\ done");
        assertSame(text, Interpolation.expand(text, name -> {
            throw new AssertionError("no lookup expected");
        }));
    }

    @Test
    void defaultIsOnlyExpandedWhenNeeded() throws InterpolationException {
        assertEquals("val", Interpolation.expand("${SET:-${UNSET?}}", LOOKUP));
    }

    @Test
    void identifiersAreListedInOrderWithNestedDefaults() throws InterpolationException {
        assertEquals(List.of("A", "B", "C", "D"), Interpolation.identifiers("$A ${B:-$C} $$E ${D?}"));
        assertEquals(List.of(), Interpolation.identifiers("no dollars"));
    }
}
