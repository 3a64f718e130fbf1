package io.nianbao.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nianbao.events.AgencyLevel;
import io.nianbao.ingest.Portal;
import io.nianbao.ingest.intake.IntakeRejection;
import io.nianbao.ingest.intake.IntakeResult;
import io.nianbao.ingest.intake.ReceivedDocument;
import io.nianbao.ingest.intake.ReportIntake;
import io.nianbao.ingest.intake.Submission;
import io.nianbao.ingest.status.ReportStatuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * POST /api/v1/reports: a portal hands in a report, as a file upload, as JSON with the text, or as
 * JSON with the document's URL; GET /api/v1/reports/{id}: where the report is now.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "年度报告", description = "门户提交政府信息公开工作年度报告，并查询处理状态")
@SecurityRequirement(name = PortalAuthenticator.API_KEY)
@ApiResponse(responseCode = "401", description = "API密钥无效、已停用或签名不正确",
        content = @Content(schema = @Schema(implementation = ReportsController.Answer.class)))
public class ReportsController {

    private final ReportIntake intake;
    private final ReportStatuses statuses;

    public ReportsController(ReportIntake intake, ReportStatuses statuses) {
        this.intake = intake;
        this.statuses = statuses;
    }

    /** The JSON form: the report's text inline, or the URL it is published at. */
    @Schema(description = "以JSON提交的年度报告：报告全文（text）或报告网址（documentUrl），二选一")
    public record JsonSubmission(
            @Schema(description = "机关标识（稳定编号）", requiredMode = Schema.RequiredMode.REQUIRED) String agencyId,
            @Schema(description = "机关名称") String agencyName,
            @Schema(description = "机关层级") AgencyLevel agencyLevel,
            @Schema(description = "行政区划代码") String regionCode,
            @Schema(description = "报告年度，例如2024") Integer year,
            @Schema(description = "发布日期，格式YYYY-MM-DD") String publishedOn,
            @Schema(description = "报告全文（UTF-8文本或HTML）") String text,
            @Schema(description = "报告文件网址，仅限http/https，且域名须在本门户登记的范围内") String documentUrl,
            @Schema(description = "文件名") String fileName) {
    }

    /** What the caller gets back. */
    @Schema(description = "处理结果")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(@Schema(description = "报告编号（由机关、年度和文件内容计算，同一文件编号不变）") String reportId,
                         @Schema(description = "INGESTED：已接收；REJECTED：已拒收") String status,
                         @Schema(description = "是否为重复提交（同一文件此前已接收，不再重复处理）") Boolean duplicate,
                         @Schema(description = "拒收原因代码，例如EMPTY、TOO_LARGE、UNSUPPORTED_TYPE、BAD_CHARSET、ZIP_BOMB") String reason,
                         @Schema(description = "拒收说明（中文）") String message) {

        static Answer of(IntakeResult.Rejected rejected) {
            return new Answer(null, "REJECTED", null, rejected.reason(), rejected.message());
        }
    }

    @Operation(summary = "上传报告文件", description = "以multipart/form-data上传报告文件（HTML、PDF、DOC/DOCX或文本）")
    @ApiResponse(responseCode = "202", description = "已接收（duplicate为true时表示此前已接收过同一文件）")
    @ApiResponse(responseCode = "400", description = "缺少必填项或文件为空")
    @ApiResponse(responseCode = "403", description = "本门户无权代该机关提交")
    @ApiResponse(responseCode = "413", description = "文件过大")
    @ApiResponse(responseCode = "415", description = "不支持的文件类型")
    @ApiResponse(responseCode = "422", description = "编码无法识别、疑似压缩炸弹或元数据不合理")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Answer> upload(@Parameter(hidden = true) @RequestAttribute(PortalAuthenticator.AUTHENTICATED) Portal portal,
                                         @Parameter(description = "报告文件") @RequestPart(name = "file", required = false) MultipartFile file,
                                         @Parameter(description = "机关标识（稳定编号）") @RequestParam(required = false) String agencyId,
                                         @Parameter(description = "机关名称") @RequestParam(required = false) String agencyName,
                                         @Parameter(description = "机关层级") @RequestParam(required = false) AgencyLevel agencyLevel,
                                         @Parameter(description = "行政区划代码") @RequestParam(required = false) String regionCode,
                                         @Parameter(description = "报告年度") @RequestParam(required = false) Integer year,
                                         @Parameter(description = "发布日期，格式YYYY-MM-DD") @RequestParam(required = false) String publishedOn,
                                         @Parameter(description = "文件原网址（文件取自门户该网址时），仅作为原文链接，本服务不下载")
                                         @RequestParam(required = false) String originUrl)
            throws IOException {
        return answer(intake.accept(new Submission(portal, agencyId, agencyName, agencyLevel, regionCode, year, publishedOn,
                file == null ? null : file.getOriginalFilename(), file == null ? null : received(file), null,
                originUrl == null || originUrl.isBlank() ? null : originUrl.strip())));
    }

    @Operation(summary = "以JSON提交报告", description = "提交报告全文（text）或报告网址（documentUrl）；按网址提交时由本服务下载文件")
    @ApiResponse(responseCode = "202", description = "已接收（duplicate为true时表示此前已接收过同一文件）")
    @ApiResponse(responseCode = "400", description = "缺少必填项、文件为空或网址无效")
    @ApiResponse(responseCode = "403", description = "本门户无权代该机关提交，或网址不在允许范围内")
    @ApiResponse(responseCode = "413", description = "文件过大")
    @ApiResponse(responseCode = "415", description = "不支持的文件类型")
    @ApiResponse(responseCode = "422", description = "无法下载、编码无法识别、疑似压缩炸弹或元数据不合理")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Answer> submit(@Parameter(hidden = true) @RequestAttribute(PortalAuthenticator.AUTHENTICATED) Portal portal,
                                         @RequestBody JsonSubmission body) {
        return answer(intake.accept(new Submission(portal, body.agencyId(), body.agencyName(), body.agencyLevel(),
                body.regionCode(), body.year(), body.publishedOn(), body.fileName(),
                body.text() == null ? null : ReceivedDocument.inMemory(body.text().getBytes(StandardCharsets.UTF_8), body.fileName()),
                body.documentUrl(), null)));
    }

    /** An upload as it was spooled (SpooledMultipartResolver); read into memory only by the intake. */
    private static ReceivedDocument received(MultipartFile file) throws IOException {
        return file instanceof SpooledMultipartResolver.SpooledPart part
                ? ReceivedDocument.onDisk(part.file(), part.getOriginalFilename(), false)
                : ReceivedDocument.inMemory(file.getBytes(), file.getOriginalFilename());
    }

    @Operation(summary = "查询报告处理状态", description = "报告所处阶段：已接收、已解析、已核查、已通知或已拒收（附原因）")
    @ApiResponse(responseCode = "200", description = "报告状态",
            content = @Content(schema = @Schema(implementation = ReportStatuses.Status.class)))
    @ApiResponse(responseCode = "404", description = "未找到该报告（或不属于本门户的机关）",
            content = @Content(schema = @Schema(implementation = Answer.class)))
    @GetMapping("/{reportId}")
    public ResponseEntity<?> status(@Parameter(hidden = true) @RequestAttribute(PortalAuthenticator.AUTHENTICATED) Portal portal,
                                    @Parameter(description = "报告编号") @PathVariable String reportId) {
        return statuses.of(reportId).filter(status -> portal.mayPublishFor(status.agencyId()))
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> answer(new IntakeResult.Rejected("UNKNOWN_REPORT", "未找到该报告：" + reportId, 404)));
    }

    @ExceptionHandler(IntakeRejection.class)
    ResponseEntity<Answer> refused(IntakeRejection rejection) {
        return answer(rejection.rejected());
    }

    private static ResponseEntity<Answer> answer(IntakeResult result) {
        return switch (result) {
            case IntakeResult.Accepted accepted -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new Answer(accepted.reportId(), "INGESTED", accepted.duplicate(), null, null));
            case IntakeResult.Rejected rejected -> ResponseEntity.status(rejected.httpStatus()).body(Answer.of(rejected));
        };
    }
}
