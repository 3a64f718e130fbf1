package io.nianbao.notify.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaginationTest {

    @Test
    void fortyOneReportsFillThreePagesOfTwenty() {
        Pagination second = Pagination.of(2, 20, 41, 97);

        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.offset()).isEqualTo(20);
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isTrue();
        assertThat(Pagination.of(3, 20, 41, 97).hasNext()).isFalse();
        assertThat(Pagination.of(3, 20, 41, 97).offset()).isEqualTo(40);
    }

    @Test
    void exactlyFullPagesHaveNoEmptyOneAfter() {
        assertThat(Pagination.of(1, 20, 40, 40).pages()).isEqualTo(2);
        assertThat(Pagination.of(1, 20, 20, 20).hasNext()).isFalse();
    }

    @Test
    void noReportsIsOnePageWithNothingAround() {
        Pagination none = Pagination.of(null, 20, 0, 0);

        assertThat(none.number()).isEqualTo(1);
        assertThat(none.pages()).isEqualTo(1);
        assertThat(none.offset()).isZero();
        assertThat(none.hasPrevious()).isFalse();
        assertThat(none.hasNext()).isFalse();
    }

    @Test
    void aPageOutOfRangeShowsTheNearestThatExists() {
        assertThat(Pagination.of(9, 20, 41, 97).number()).as("past the last").isEqualTo(3);
        assertThat(Pagination.of(0, 20, 41, 97).number()).as("before the first").isEqualTo(1);
        assertThat(Pagination.of(-5, 20, 41, 97).offset()).isZero();
    }
}
