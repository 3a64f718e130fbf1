package io.nianbao.notify.web;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The states of an agency's rectification for a year: an inspector returns the report for
 * rectification (退回整改), the agency's correction is noted (已整改), and an inspector approves it
 * on review (复核通过) or returns it again.
 */
public enum Rectification {
    RETURNED("退回整改", "退回整改"),
    RECTIFIED("已整改", "标记为已整改"),
    APPROVED("复核通过", "复核通过");

    /** The state of a year no step was taken on, as pages and the annex show it. */
    public static final String NONE_LABEL = "无";

    private final String label;
    private final String action;

    Rectification(String label, String action) {
        this.label = label;
        this.action = action;
    }

    /** The state as pages and the annex show it. */
    public String label() {
        return label;
    }

    /** The button that takes this step. */
    public String action() {
        return action;
    }

    public static String labelOf(Rectification state) {
        return state == null ? NONE_LABEL : state.label;
    }

    /** The steps that may follow {@code current} (null: none taken yet). */
    public static Set<Rectification> nextFrom(Rectification current) {
        if (current == null) {
            return EnumSet.of(RETURNED);
        }
        return switch (current) {
            case RETURNED -> EnumSet.of(RECTIFIED);
            case RECTIFIED -> EnumSet.of(APPROVED, RETURNED);
            case APPROVED -> EnumSet.noneOf(Rectification.class);
        };
    }

    /** Why {@code next} may not follow {@code current}, in the inspector's words; empty when it may. */
    public static Optional<String> refusal(Rectification current, Rectification next) {
        if (nextFrom(current).contains(next)) {
            return Optional.empty();
        }
        if (current == null) {
            return Optional.of("尚未退回整改，不能直接" + next.action);
        }
        if (current == APPROVED) {
            return Optional.of("已复核通过，整改流程已结束");
        }
        return Optional.of("当前整改状态为「" + current.label + "」，不能" + next.action);
    }
}
