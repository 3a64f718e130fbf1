package io.nianbao.notify;

import io.nianbao.notify.Regions.Region;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The vendored divisions (china-division, 2023 statistics edition), named as inspectors read them. */
class RegionsTest {

    private static final Regions REGIONS = Regions.load();

    @Test
    void theWholeFileIsLoaded() {
        // 31 provinces, 342 city-level and ~2,980 county-level entries, 东莞市 and its like listed once.
        assertThat(REGIONS.size()).isBetween(3300, 3400);
    }

    @Test
    void aCountyIsNamedWithItsProvinceAndCity() {
        assertThat(REGIONS.name("320104")).contains("江苏省南京市秦淮区");
        assertThat(REGIONS.name("659001")).contains("新疆维吾尔自治区石河子市");
        assertThat(REGIONS.name("130171")).contains("河北省石家庄市石家庄高新技术产业开发区");
    }

    @Test
    void prefixesAndTheirSixDigitFormsNameTheProvinceOrCity() {
        assertThat(REGIONS.name("32")).contains("江苏省");
        assertThat(REGIONS.name("320000")).contains("江苏省");
        assertThat(REGIONS.name("3201")).contains("江苏省南京市");
        assertThat(REGIONS.name("320100")).contains("江苏省南京市");
    }

    @Test
    void townshipAndVillageCodesAreNamedByTheirCounty() {
        assertThat(REGIONS.name("320104001")).contains("江苏省南京市秦淮区");
        assertThat(REGIONS.name("320104001001")).contains("江苏省南京市秦淮区");
    }

    @Test
    void groupingEntriesAreLeftOutOfNames() {
        assertThat(REGIONS.name("110101")).contains("北京市东城区");
        assertThat(REGIONS.name("110100")).contains("北京市");
        assertThat(REGIONS.name("500229")).contains("重庆市城口县");
        assertThat(REGIONS.name("429004")).contains("湖北省仙桃市");
    }

    @Test
    void aCityWithoutCountiesIsNamedOnce() {
        assertThat(REGIONS.name("441900")).contains("广东省东莞市");
        assertThat(REGIONS.name("4419")).contains("广东省东莞市");
    }

    @Test
    void nothingIsInventedForUnknownOrMalformedCodes() {
        assertThat(REGIONS.name("990000")).isEmpty();
        assertThat(REGIONS.name("320199")).isEmpty();
        assertThat(REGIONS.name("32010")).isEmpty();
        assertThat(REGIONS.name("32a104")).isEmpty();
        assertThat(REGIONS.name(null)).isEmpty();
    }

    @Test
    void labelsSayWhenThereIsNoCodeOrAnUnlistedOne() {
        assertThat(REGIONS.label(" 320104 ")).isEqualTo("江苏省南京市秦淮区");
        assertThat(REGIONS.label(null)).isEqualTo("未知地区");
        assertThat(REGIONS.label("  ")).isEqualTo("未知地区");
        assertThat(REGIONS.label("990000")).isEqualTo("代码 990000（未收录）");
    }

    @Test
    void theProvincesComeFirst() {
        assertThat(REGIONS.children(null)).hasSize(31).first()
                .isEqualTo(new Region("110000", "北京市", "北京市", "11"));
        assertThat(REGIONS.children("")).extracting(Region::name).contains("江苏省", "新疆维吾尔自治区").doesNotContain("市辖区");
    }

    @Test
    void aProvinceListsItsCities() {
        assertThat(REGIONS.children("32")).hasSize(13).first()
                .isEqualTo(new Region("320100", "南京市", "江苏省南京市", "3201"));
        assertThat(REGIONS.children("320000")).hasSize(13);
    }

    @Test
    void aMunicipalityOrAProvincesOwnCountiesAreListedInPlaceOfTheirGrouping() {
        assertThat(REGIONS.children("11")).hasSize(16).first()
                .isEqualTo(new Region("110101", "东城区", "北京市东城区", "110101"));
        assertThat(REGIONS.children("50")).extracting(Region::name).contains("渝中区", "城口县").doesNotContain("市辖区", "县");
        assertThat(REGIONS.children("42")).extracting(Region::name).contains("武汉市", "仙桃市", "神农架林区")
                .doesNotContain("省直辖县级行政区划");
    }

    @Test
    void aCityListsItsCounties() {
        assertThat(REGIONS.children("3201")).extracting(Region::code).hasSize(11).contains("320104").doesNotContain("320100");
        assertThat(REGIONS.children("4419")).isEmpty();
        assertThat(REGIONS.children("320104")).isEmpty();
        assertThat(REGIONS.children("99")).isEmpty();
    }
}
