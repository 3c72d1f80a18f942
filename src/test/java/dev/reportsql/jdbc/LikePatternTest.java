package dev.reportsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikePatternTest {

    @ParameterizedTest(name = "''{0}'' vs ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
        "%|anything|true",
        "%|''|true",
        "LINE%|LINE_OUTPUT|true",
        "LINE%|line_output|false",
        "%OUTPUT|LINE_OUTPUT|true",
        "%OUT%|LINE_OUTPUT|true",
        "L_NE|LINE|true",
        "L_NE|LIINE|false",
        "LINE_OUTPUT|LINEXOUTPUT|true",
        "LINE\\_OUTPUT|LINE_OUTPUT|true",
        "LINE\\_OUTPUT|LINEXOUTPUT|false",
        "100\\%|100%|true",
        "100\\%|1000|false",
        "a\\\\b|a\\b|true",
        "a\\b|a\\b|true",
        "trailing\\|trailing\\|true",
        "Daily Line Output|Daily Line Output|true",
        "Daily Line Output|daily line output|false",
        "a.c|abc|false",
        "a.c|a.c|true",
        "(x)*|(x)*|true",
        "_|é|true",
    })
    void matchesCaseSensitively(String pattern, String name, boolean expected) {
        assertEquals(expected, LikePattern.compile(pattern).matches(name));
    }

    @Test
    void nullPatternMatchesEverythingIncludingNull() {
        LikePattern all = LikePattern.compile(null);
        assertTrue(all.matchesAll());
        assertTrue(all.matches("x"));
        assertTrue(all.matches(null));
        assertTrue(LikePattern.compile("%").matchesAll());
        assertFalse(LikePattern.compile("x").matches(null));
        assertTrue(LikePattern.compile("multi%").matches("multi\nline"));
    }

    @Test
    void ignoringCase() {
        assertTrue(LikePattern.compile("SOOPERWIZER").matchesIgnoreCase("sooperwizer"));
        assertTrue(LikePattern.compile("DAILY%").matchesIgnoreCase("Daily Line Output"));
        assertTrue(LikePattern.compile("line\\_output").matchesIgnoreCase("LINE_OUTPUT"));
        assertFalse(LikePattern.compile("line\\_output").matchesIgnoreCase("LINEXOUTPUT"));
    }

    @Test
    void wildcardsAreReported() {
        assertTrue(LikePattern.compile("a%").hasWildcards());
        assertTrue(LikePattern.compile("a_").hasWildcards());
        assertFalse(LikePattern.compile("a\\_").hasWildcards());
        assertFalse(LikePattern.compile("abc").hasWildcards());
        assertEquals("a\\_", LikePattern.compile("a\\_").toString());
    }

    @Test
    void filterPrefersExactCaseAndFallsBackToIgnoringCase() {
        List<String> names = List.of("Output", "OUTPUT", "Input");
        Function<String, String> id = s -> s;
        assertEquals(List.of("OUTPUT"), LikePattern.compile("OUTPUT").filter(names, id));
        assertEquals(List.of("Output"), LikePattern.compile("Output").filter(names, id));
        assertEquals(List.of("Output", "OUTPUT"), LikePattern.compile("output").filter(names, id));
        assertEquals(List.of("Input"), LikePattern.compile("in%").filter(names, id));
        assertEquals(List.of(), LikePattern.compile("nothing").filter(names, id));
        assertEquals(names, LikePattern.compile(null).filter(names, id));
    }
}
