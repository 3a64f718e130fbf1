package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.SectionKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** XY-CARRYOVER, XY-INFORCE, XY-COPY and XY-REVISED. */
class CrossYearRulesTest {

    private static ReportBuilder lastYear() {
        return ReportBuilder.valid().year(2022).row("newReceived", 6L, 1L, 0L, 0L, 0L, 0L, 7L)
                .section(SectionKind.OVERVIEW, "2022年，本镇围绕中心工作推进政务公开，完善制度、拓展渠道，规范依申请公开办理流程，加强平台建设和监督保障，"
                        + "全年在政府网站发布信息四百余条，召开专题会议研究部署，组织业务培训，确保各项工作落到实处。")
                .section(SectionKind.PROBLEMS, "存在的问题主要是信息更新不够及时、解读形式单一。下一步将加强培训、丰富解读形式、加强督促检查。");
    }

    @Nested
    class XyCarryoverTest {
        @Test
        void firesPerColumnWhenCarriedOverDiffersFromLastYearsCarriedForward() {
            var last = lastYear().row("carriedForward", 2L, 0L, 0L, 0L, 0L, 0L, 2L).build();
            var f = new XyCarryover().check(ReportBuilder.valid().context().withPrevious(last));
            assertThat(f).extracting(Finding::location).containsExactly("三.carriedOver.naturalPerson", "三.carriedOver.total");
            assertThat(f.get(1).expected()).isEqualByComparingTo("2");
            assertThat(f.get(1).actual()).isEqualByComparingTo("0");
        }

        @Test
        void silentWhenTheyMatchOrThePreviousReportIsNotLastYears() {
            assertThat(new XyCarryover().check(ReportBuilder.valid().context().withPrevious(lastYear().build()))).isEmpty();
            var older = lastYear().year(2020).row("carriedForward", 2L, 0L, 0L, 0L, 0L, 0L, 2L).build();
            assertThat(new XyCarryover().check(ReportBuilder.valid().context().withPrevious(older))).isEmpty();
        }
    }

    @Nested
    class XyInforceTest {
        @Test
        void firesWhenInForceDoesNotFollowFromLastYear() {
            // 45 in force last year + 10 issued − 11 repealed = 44, but the report says 39.
            var last = lastYear().proactive("normativeDocuments", "inForce", 45).build();
            assertThat(new XyInforce().check(ReportBuilder.valid().context().withPrevious(last))).singleElement().satisfies(x -> {
                assertThat(x.location()).isEqualTo("二.normativeDocuments.inForce");
                assertThat(x.expected()).isEqualByComparingTo("44");
                assertThat(x.actual()).isEqualByComparingTo("39");
            });
        }

        @Test
        void silentWhenItFollowsOrLastYearWasGb2019() {
            var last = lastYear().proactive("normativeDocuments", "inForce", 40).build();
            assertThat(new XyInforce().check(ReportBuilder.valid().context().withPrevious(last))).isEmpty();
            var gb2019 = lastYear().clearProactive().proactive("normativeDocuments", "totalPublished", 3).build();
            assertThat(new XyInforce().check(ReportBuilder.valid().context().withPrevious(gb2019))).isEmpty();
        }
    }

    @Nested
    class XyCopyTest {
        @Test
        void firesForProseCopiedFromLastYear() {
            var last = lastYear().build();
            var now = lastYear().year(2023).section(SectionKind.OVERVIEW,
                    last.sections().getFirst().text().replace("2022年", "2023年")).context().withPrevious(last);
            assertThat(new XyCopy().check(now)).singleElement().satisfies(x -> assertThat(x.message()).contains("相似度"));
        }

        @Test
        void firesForTablesRepeatingLastYearsNumbers() {
            var last = ReportBuilder.valid().year(2022).build();
            var now = ReportBuilder.valid().section(SectionKind.OVERVIEW, "2023年，我办围绕新目标开展了全新的工作，重点推进了政策解读和平台整合，成效明显。")
                    .context().withPrevious(last);
            assertThat(new XyCopy().check(now)).singleElement().satisfies(x -> assertThat(x.message()).contains("完全相同"));
        }

        @Test
        void silentForNewProseAndForAllZeroTables() {
            assertThat(new XyCopy().check(ReportBuilder.valid().context().withPrevious(lastYear().build()))).isEmpty();
            var zeros = lastYear().row("newReceived", ReportBuilder.zeros()).row("granted", ReportBuilder.zeros())
                    .row("partlyGranted", ReportBuilder.zeros()).row("denied.internalAffairs", ReportBuilder.zeros())
                    .row("unavailable.notHeld", ReportBuilder.zeros()).row("notProcessed.petitionOrComplaint", ReportBuilder.zeros())
                    .row("totalHandled", ReportBuilder.zeros());
            var last = zeros.build();
            var now = zeros.year(2023).section(SectionKind.OVERVIEW, "2023年，全镇开展了不同的工作，重点推进村务公开、便民服务和政策宣传，群众满意度提升。");
            assertThat(new XyCopy().check(now.context().withPrevious(last))).isEmpty();
        }
    }

    @Nested
    class XyRevisedTest {
        @Test
        void firesWhenPublishedAgainWithOtherContent() {
            var ctx = ReportBuilder.valid().context().withContentHashes("sha256:b", "sha256:a");
            assertThat(new XyRevised().check(ctx)).singleElement().satisfies(x -> assertThat(x.evidence()).contains("sha256:a", "sha256:b"));
        }

        @Test
        void silentForTheSameContentOrNoEarlierVersion() {
            assertThat(new XyRevised().check(ReportBuilder.valid().context().withContentHashes("sha256:a", "sha256:a"))).isEmpty();
            assertThat(new XyRevised().check(ReportBuilder.valid().context().withContentHashes("sha256:a", null))).isEmpty();
        }
    }
}
