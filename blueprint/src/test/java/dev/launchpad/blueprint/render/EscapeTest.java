package dev.launchpad.blueprint.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class EscapeTest {

    private final Escape esc = new Escape();

    @Test
    void javaEscapesQuotesBackslashesNewlinesAndNonAscii() {
        assertThat(esc.java("a\"b\\c\nd é */")).isEqualTo("a\\\"b\\\\c\\nd \\u00e9 */");
    }

    @Test
    void javaDoublesTheBackslashOfAUnicodeEscapeSoJavacCannotReadIt() {
        assertThat(esc.java("\\u0022")).isEqualTo("\\\\u0022");
    }

    @Test
    void hclDoublesTheMarkersOfInterpolationsAndDirectives() {
        assertThat(esc.hcl("${var.x} %{ if } $x %d \"q\" \\")).isEqualTo("$${var.x} %%{ if } $x %d \\\"q\\\" \\\\");
    }

    @Test
    void yamlIsAlwaysOneDoubleQuotedScalar() {
        assertThat(esc.yaml("a: b # c\n- \"d\"")).isEqualTo("\"a: b # c\\n- \\\"d\\\"\"");
    }

    @Test
    void markdownEscapesEveryMarkupCharacter() {
        assertThat(esc.md("**bold** [link](x) <script> `code` # h")).isEqualTo(
                "\\*\\*bold\\*\\* \\[link\\]\\(x\\) &lt;script&gt; \\`code\\` \\# h");
    }

    @Test
    void xmlEscapesMarkup() {
        assertThat(esc.xml("<a href=\"x\">&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    }

    @Property
    void javaOutputIsPrintableAsciiWithEveryQuoteEscaped(@ForAll String text) {
        String escaped = esc.java(text);
        assertThat(escaped.chars()).allMatch(c -> c >= 0x20 && c <= 0x7e);
        assertThat(escaped.replace("\\\\", "")).doesNotContainPattern("(^|[^\\\\])\"");
    }

    @Property
    void hclOutputHasNoLiveTemplateSequence(@ForAll String text) {
        String escaped = esc.hcl(text).replace("$${", "").replace("%%{", "");
        assertThat(escaped).doesNotContain("${").doesNotContain("%{");
        assertThat(escaped.replace("\\\\", "")).doesNotContainPattern("(^|[^\\\\])\"").doesNotContain("\n");
    }

    @Property
    void jsonRoundTripsThroughAJsonParser(@ForAll String text) throws Exception {
        assertThat(new ObjectMapper().readValue("\"" + esc.json(text) + "\"", String.class)).isEqualTo(text);
    }
}
