package io.nianbao.core.rules;

import io.nianbao.core.model.AgencyLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterTest {

    @Test
    void readsTheRegionCodeOfTheFifthColumn() {
        Roster roster = Roster.parse("roster.csv", List.of(
                "agencyId,agencyName,level,region,regionCode",
                "# 秦淮区",
                "320104-000000,南京市秦淮区人民政府,GOVERNMENT,南京市,320104",
                "320104-100000,南京市秦淮区夫子庙街道办事处,TOWNSHIP,,320104"));

        assertThat(roster.entry("320104-000000"))
                .isEqualTo(new RosterEntry("南京市秦淮区人民政府", AgencyLevel.GOVERNMENT, "南京市", "320104"));
        assertThat(roster.entry("320104-100000"))
                .isEqualTo(new RosterEntry("南京市秦淮区夫子庙街道办事处", AgencyLevel.TOWNSHIP, null, "320104"));
        assertThat(roster.agencyIds()).containsExactlyInAnyOrder("320104-000000", "320104-100000");
    }

    @Test
    void keepsFilesOfThreeAndFourColumnsValid(@TempDir Path folder) throws Exception {
        Path csv = Files.writeString(folder.resolve("roster.csv"), """
                agencyId,agencyName,level,region
                320813-000000,淮安市洪泽区人民政府,GOVERNMENT,淮安市
                320813-010000,淮安市洪泽区教育局,DEPARTMENT
                """);

        Roster roster = Roster.load(csv);

        assertThat(roster.entry("320813-000000")).isEqualTo(new RosterEntry("淮安市洪泽区人民政府", AgencyLevel.GOVERNMENT, "淮安市", null));
        assertThat(roster.entry("320813-010000")).isEqualTo(new RosterEntry("淮安市洪泽区教育局", AgencyLevel.DEPARTMENT, null, null));
        assertThat(roster.regionOf("320813-000000")).isEqualTo("淮安市");
        assertThat(roster.regionOf("not-listed")).isNull();
    }

    @Test
    void namesTheLineThatIsMalformed() {
        assertThatThrownBy(() -> Roster.parse("roster.csv", List.of("a,某局,DEPARTMENT", "b,某局")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("roster.csv:2:");
        assertThatThrownBy(() -> Roster.parse("roster.csv", List.of("a,某局,DEPARTMENT,,320104,extra")))
                .hasMessageStartingWith("roster.csv:1:");
        assertThatThrownBy(() -> Roster.parse("roster.csv", List.of("a,某局,BUREAU")))
                .hasMessageContaining("roster.csv:1:", "BUREAU");
    }
}
