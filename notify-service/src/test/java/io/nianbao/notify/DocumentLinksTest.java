package io.nianbao.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentLinksTest {

    @Test
    void webAddressesWithAHostAreLinks() {
        assertThat(DocumentLinks.isWebLink("https://www.nanjing.gov.cn/xxgk/ndbg/2024.pdf")).isTrue();
        assertThat(DocumentLinks.isWebLink("HTTP://www.example.gov.cn/a?b=1&c=<2>".replace("<", "%3C").replace(">", "%3E"))).isTrue();
        assertThat(DocumentLinks.isWebLink("https://www.example.gov.cn/年度报告.pdf")).as("Chinese in the path").isTrue();
    }

    @Test
    void anythingElseIsNot() {
        assertThat(DocumentLinks.isWebLink(null)).isFalse();
        assertThat(DocumentLinks.isWebLink("javascript:alert(1)")).isFalse();
        assertThat(DocumentLinks.isWebLink("JavaScript://www.example.gov.cn/%0Aalert(1)")).isFalse();
        assertThat(DocumentLinks.isWebLink("data:text/html,<script>alert(1)</script>")).isFalse();
        assertThat(DocumentLinks.isWebLink("file:///etc/passwd")).isFalse();
        assertThat(DocumentLinks.isWebLink("//www.example.gov.cn/report.pdf")).as("no scheme").isFalse();
        assertThat(DocumentLinks.isWebLink("/xxgk/report.pdf")).as("relative").isFalse();
        assertThat(DocumentLinks.isWebLink("https:///report.pdf")).as("no host").isFalse();
        assertThat(DocumentLinks.isWebLink("https://www.example.gov.cn/a b.pdf")).as("not a URI").isFalse();
    }
}
