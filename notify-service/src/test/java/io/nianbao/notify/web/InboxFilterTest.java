package io.nianbao.notify.web;

import io.nianbao.events.Severity;
import io.nianbao.notify.web.Inbox.EntryKey;
import io.nianbao.notify.web.Inbox.Filter;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The inbox's filter in links (the pages' query strings), in LIKE patterns, and its entries' keys in forms. */
class InboxFilterTest {

    @Test
    void aPageLinkKeepsEveryFilterEncoded() {
        Filter filter = new Filter(null, "3201", " ", "秦淮 区&档案", "T3-BALANCE", Severity.ERROR, Inbox.Status.NEW,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), null, LocalDate.of(2025, 3, 1));

        assertThat(filter.query(2, false)).isEqualTo("?region=3201&name=%E7%A7%A6%E6%B7%AE+%E5%8C%BA%26%E6%A1%A3%E6%A1%88"
                + "&rule=T3-BALANCE&severity=ERROR&status=NEW&publishedFrom=2025-01-01&publishedTo=2025-01-31"
                + "&validatedTo=2025-03-01&page=2");
        assertThat(filter.agency()).as("blank is no filter").isNull();
    }

    @Test
    void noFilterIsNoQueryAndTheSelectionIsMarked() {
        Filter none = Filter.ofReport(null);

        assertThat(none.query(null, false)).isEmpty();
        assertThat(none.query(1, true)).isEqualTo("?page=1&select=all");
        assertThat(Filter.ofReport("missing:a:2024").query(null, false)).as("the report id travels in the path").isEmpty();
    }

    @Test
    void likeWildcardsInASearchAreTakenLiterally() {
        assertThat(Inbox.escapeLike("50%_局\\")).isEqualTo("50\\%\\_局\\\\");
        assertThat(Inbox.escapeLike("南京市")).isEqualTo("南京市");
    }

    @Test
    void anEntryKeySplitsAtItsLastSpaceForReportIdsMayHoldAnything() {
        EntryKey key = EntryKey.parse("missing:jianye dept:2024 0a1b2c");

        assertThat(key).isEqualTo(new EntryKey("missing:jianye dept:2024", "0a1b2c"));
        assertThat(EntryKey.parse(key.value())).isEqualTo(key);
        assertThatThrownBy(() -> EntryKey.parse("no-fingerprint")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryKey.parse("report ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryKey.parse(" 0a1b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryKey.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
