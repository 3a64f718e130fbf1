package io.nianbao.notify.web;

import org.junit.jupiter.api.Test;

import static io.nianbao.notify.web.Rectification.APPROVED;
import static io.nianbao.notify.web.Rectification.RECTIFIED;
import static io.nianbao.notify.web.Rectification.RETURNED;
import static org.assertj.core.api.Assertions.assertThat;

class RectificationTest {

    @Test
    void goesFromReturnedToRectifiedToApprovedAndMayBeReturnedAgainBeforeApproval() {
        assertThat(Rectification.nextFrom(null)).containsExactly(RETURNED);
        assertThat(Rectification.nextFrom(RETURNED)).containsExactly(RECTIFIED);
        assertThat(Rectification.nextFrom(RECTIFIED)).containsExactlyInAnyOrder(APPROVED, RETURNED);
        assertThat(Rectification.nextFrom(APPROVED)).isEmpty();

        assertThat(Rectification.refusal(null, RETURNED)).isEmpty();
        assertThat(Rectification.refusal(RETURNED, RECTIFIED)).isEmpty();
        assertThat(Rectification.refusal(RECTIFIED, RETURNED)).isEmpty();
        assertThat(Rectification.refusal(RECTIFIED, APPROVED)).isEmpty();
    }

    @Test
    void refusesEveryOtherStepInChinese() {
        assertThat(Rectification.refusal(null, RECTIFIED)).hasValue("尚未退回整改，不能直接标记为已整改");
        assertThat(Rectification.refusal(null, APPROVED)).hasValue("尚未退回整改，不能直接复核通过");
        assertThat(Rectification.refusal(RETURNED, APPROVED)).hasValue("当前整改状态为「退回整改」，不能复核通过");
        assertThat(Rectification.refusal(RETURNED, RETURNED)).hasValue("当前整改状态为「退回整改」，不能退回整改");
        assertThat(Rectification.refusal(RECTIFIED, RECTIFIED)).hasValue("当前整改状态为「已整改」，不能标记为已整改");
        for (Rectification next : Rectification.values()) {
            assertThat(Rectification.refusal(APPROVED, next)).hasValue("已复核通过，整改流程已结束");
        }
    }

    @Test
    void labelsTheStateOfAYearWithoutSteps() {
        assertThat(Rectification.labelOf(null)).isEqualTo("无");
        assertThat(Rectification.labelOf(RECTIFIED)).isEqualTo("已整改");
    }
}
