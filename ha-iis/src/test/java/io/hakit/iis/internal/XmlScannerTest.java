package io.hakit.iis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XmlScannerTest {

    @Test
    void spansAreExactAcrossCommentsCdataInstructionsAndAwkwardAttributes() throws Exception {
        String text = "\uFEFF".substring(1) + "<?xml version=\"1.0\"?>\r\n"
                + "<!-- a <comment> with <tags/> and \"quotes\" -->\r\n"
                + "<configuration>\r\n"
                + "  <?custom instruction <x/> ?>\r\n"
                + "  <a x='single \"q\" >' y = \"line\r\n two &amp; &lt;three&gt; &#65;&#x42;\"/>\r\n"
                + "  <b><![CDATA[<not-an-element/>]]></b>\r\n"
                + "  <c\r\n     name=\"multi-line start tag\"\r\n  >text</c >\r\n"
                + "</configuration>\r\n";
        XmlNode root = XmlScanner.scan(text);
        assertThat(root.name()).isEqualTo("configuration");
        assertThat(root.line()).isEqualTo(3);
        assertThat(root.children()).extracting(XmlNode::name).containsExactly("a", "b", "c");
        XmlNode a = root.children().get(0);
        assertThat(text.substring(a.start(), a.end())).startsWith("<a x='single").endsWith("&#x42;\"/>");
        assertThat(a.selfClosing()).isTrue();
        assertThat(a.attribute("x")).contains("single \"q\" >");
        // literal line breaks in attributes read as spaces, references are decoded, as an XML parser does
        assertThat(a.attribute("y")).contains("line  two & <three> AB");
        XmlNode b = root.children().get(1);
        assertThat(text.substring(b.start(), b.end())).isEqualTo("<b><![CDATA[<not-an-element/>]]></b>");
        XmlNode c = root.children().get(2);
        assertThat(c.line()).isEqualTo(8);
        assertThat(text.substring(c.start(), c.end())).endsWith("text</c >");
        assertThat(text.substring(c.startTagEnd(), c.endTagStart())).isEqualTo("text");
        assertThat(root.end()).isEqualTo(text.length() - 2);
    }

    @Test
    void externalEntitiesAndDtdsAreRefused() {
        assertThatThrownBy(() -> XmlScanner.scan("<!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n<c>&x;</c>"))
                .isInstanceOf(XmlScanner.MalformedException.class);
        assertThatThrownBy(() -> XmlScanner.scan("<c>&undeclared;</c>")).isInstanceOf(XmlScanner.MalformedException.class);
    }

    @Test
    void malformedTextNamesItsLine() {
        assertThatThrownBy(() -> XmlScanner.scan("<a>\n<b>\n</a>\n")).isInstanceOf(XmlScanner.MalformedException.class)
                .satisfies(e -> assertThat(((XmlScanner.MalformedException) e).line()).isEqualTo(3));
    }

    @Test
    void escapingRoundTrips() {
        String v = "a&b<c>d\"e\tf\ng\rh 'i'";
        assertThat(XmlText.unescape(XmlText.escape(v))).isEqualTo(v);
    }
}
