package io.nianbao.notify;

import java.time.Duration;

/** Durations in the inbox's words: 30秒, 5分钟, 2小时, 7天. */
final class Durations {

    private Durations() {
    }

    static String chinese(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 86_400 == 0 && seconds > 0) {
            return seconds / 86_400 + "天";
        }
        if (seconds % 3_600 == 0 && seconds > 0) {
            return seconds / 3_600 + "小时";
        }
        if (seconds % 60 == 0 && seconds > 0) {
            return seconds / 60 + "分钟";
        }
        return seconds + "秒";
    }
}
