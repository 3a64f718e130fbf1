package io.nianbao.notify;

import io.nianbao.events.Channel;
import io.nianbao.notify.NotifyProperties.Robot;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers for the robots' signatures. Feishu's documentation signs with secret "demo" at
 * 1599360473; DingTalk's gives no worked example, so its vectors were computed from its
 * documented recipe with OpenSSL, e.g.
 * {@code printf '%s\n%s' 1700000000000 "$SECRET" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64},
 * and Feishu's with {@code printf '' | openssl dgst -sha256 -hmac "$(printf '%s\n%s' 1700000000 "$SECRET")" -binary | base64}.
 * They check the test robots' own verification, and the client's signing.
 */
class RobotSignatureTest {

    /** A DingTalk secret as the robot settings show one: SEC and 64 hex digits. */
    private static final String SECRET = "SEC" + "0".repeat(64);
    private static final String MIXED = "SEC" + "0123456789abcdef".repeat(4);

    @Test
    void theTestRobotsSignAsTheVendorsDocument() {
        assertThat(RobotServer.dingTalkSign("1700000000000", SECRET)).isEqualTo("+8WOOUUcTkFRyfCevQaISh9EUbkxaatnd6MLtL7dAY8=");
        assertThat(RobotServer.dingTalkSign("1700000000000", MIXED)).isEqualTo("bTgY2yDbep+wesS7jKiNj+srsHoADES4+C4f8LCHFtU=");
        assertThat(RobotServer.dingTalkSign("1700000000000", "this is secret"))
                .isEqualTo("sSFWELbV2YwjdDQhWZwTcWlX5BWUx5J6TPpsZmuPii0=");
        assertThat(RobotServer.feishuSign("1599360473", "demo")).isEqualTo("l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=");
        assertThat(RobotServer.feishuSign("1700000000", SECRET)).isEqualTo("RKDtA65jddU3bhNjp2acfpJHh+THnF9cVMQApnGkhkQ=");

        // The other vendor's recipe, and a trailing newline (echo instead of printf), give other signatures.
        assertThat(RobotServer.dingTalkSign("1700000000", SECRET)).isEqualTo("6i9bxZT8ICvHVaERc28pEsHdYcX6QB+uj0vjuyRFf+Y=")
                .isNotEqualTo(RobotServer.feishuSign("1700000000", SECRET));
        assertThat(RobotServer.dingTalkSign("1700000000000", SECRET + "\n")).isNotEqualTo("+8WOOUUcTkFRyfCevQaISh9EUbkxaatnd6MLtL7dAY8=");
    }

    @Test
    void dingTalkMessagesCarryTimestampAndUrlEncodedSignInTheUrl() {
        Robot robot = new Robot("省办", Channel.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=TOKEN", SECRET);

        RobotVendor.Request request = RobotVendor.DINGTALK.request(robot, "标题", "正文", Instant.ofEpochMilli(1_700_000_000_000L),
                JsonMapper.builder().build());

        assertThat(request.url()).hasToString("https://oapi.dingtalk.com/robot/send?access_token=TOKEN&timestamp=1700000000000"
                + "&sign=%2B8WOOUUcTkFRyfCevQaISh9EUbkxaatnd6MLtL7dAY8%3D");
    }

    @Test
    void feishuMessagesCarryTimestampInSecondsAndSignInTheBody() {
        Robot robot = new Robot("市办", Channel.FEISHU, "https://open.feishu.cn/open-apis/bot/v2/hook/TOKEN", SECRET);
        JsonMapper json = JsonMapper.builder().build();

        RobotVendor.Request request = RobotVendor.FEISHU.request(robot, "标题", "正文", Instant.ofEpochSecond(1_700_000_000L), json);

        JsonNode body = json.readTree(request.body());
        assertThat(body.path("timestamp").asString()).isEqualTo("1700000000");
        assertThat(body.path("sign").asString()).isEqualTo("RKDtA65jddU3bhNjp2acfpJHh+THnF9cVMQApnGkhkQ=");
        assertThat(body.path("card").path("elements").path(0).path("content").asString()).isEqualTo("正文");
    }

    @Test
    void anUnsignedRobotSendsNoSignature() {
        Robot robot = new Robot("县办", Channel.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=TOKEN", null);

        assertThat(RobotVendor.DINGTALK.request(robot, "标题", "正文", Instant.now(), JsonMapper.builder().build()).url())
                .hasToString("https://oapi.dingtalk.com/robot/send?access_token=TOKEN");
    }
}
