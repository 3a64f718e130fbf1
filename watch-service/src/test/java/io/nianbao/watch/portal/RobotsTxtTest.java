package io.nianbao.watch.portal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsTxtTest {

    @Test
    void theGroupNamingUsDecidesOverTheStarGroup() {
        RobotsTxt robots = RobotsTxt.parse("""
                User-agent: *
                Disallow: /

                User-agent: Baiduspider
                User-agent: nianbao
                Disallow: /private/
                Crawl-delay: 5
                """, "nianbao");
        assertThat(robots.allows("/zwgk/nb/index.html")).isTrue();
        assertThat(robots.allows("/private/x.html")).isFalse();
        assertThat(robots.crawlDelay()).contains(Duration.ofSeconds(5));
    }

    @Test
    void withoutOurGroupTheStarGroupDecides() {
        RobotsTxt robots = RobotsTxt.parse("User-agent: Googlebot\nDisallow:\n\nUser-agent: *\nDisallow: /zwgk/ # no crawling\n", "nianbao");
        assertThat(robots.allows("/zwgk/nb/index.html")).isFalse();
        assertThat(robots.allows("/index.html")).isTrue();
        assertThat(robots.crawlDelay()).isEmpty();
    }

    @Test
    void theLongestMatchWinsAndAllowWinsATie() {
        RobotsTxt robots = RobotsTxt.parse("""
                user-agent: *
                disallow: /zwgk/
                allow: /zwgk/zfxxgknb/
                disallow: /*.pdf$
                allow: /same
                disallow: /same
                """, "nianbao");
        assertThat(robots.allows("/zwgk/zfxxgknb/index.htm")).isTrue();
        assertThat(robots.allows("/zwgk/other.htm")).isFalse();
        assertThat(robots.allows("/files/report.pdf")).isFalse();
        assertThat(robots.allows("/files/report.pdf?x=1")).isTrue();
        assertThat(robots.allows("/same/page")).isTrue();
    }

    @Test
    void anEmptyFileAllowsEverythingAndUnreadableDisallowsAll() {
        assertThat(RobotsTxt.parse("", "nianbao").allows("/")).isTrue();
        assertThat(RobotsTxt.ALLOW_ALL.allows("/x")).isTrue();
        assertThat(RobotsTxt.DISALLOW_ALL.allows("/x")).isFalse();
    }
}
