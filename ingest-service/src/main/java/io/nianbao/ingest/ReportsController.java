package io.nianbao.ingest;

import io.nianbao.events.AgencyLevel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** POST /api/v1/reports: a portal hands in a report, as a file upload or as JSON with the text. */
@RestController
@RequestMapping("/api/v1/reports")
public class ReportsController {

    private final ReportIntake intake;

    public ReportsController(ReportIntake intake) {
        this.intake = intake;
    }

    /** The JSON form: the report's text inline. */
    public record TextSubmission(String agencyId, String agencyName, AgencyLevel agencyLevel, String regionCode,
                                 Integer year, String publishedOn, String portalId, String text) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> upload(@RequestPart(name = "file", required = false) MultipartFile file,
                                                      @RequestParam(required = false) String agencyId,
                                                      @RequestParam(required = false) String agencyName,
                                                      @RequestParam(required = false) AgencyLevel agencyLevel,
                                                      @RequestParam(required = false) String regionCode,
                                                      @RequestParam(required = false) Integer year,
                                                      @RequestParam(required = false) String publishedOn,
                                                      @RequestParam(required = false) String portalId) throws IOException {
        byte[] document = file == null ? null : file.getBytes();
        String fileName = file == null ? null : file.getOriginalFilename();
        return answer(intake.accept(new Submission(agencyId, agencyName, agencyLevel, regionCode, year, publishedOn,
                portalId, fileName, document)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> submitText(@RequestBody TextSubmission body) {
        byte[] document = body.text() == null ? null : body.text().getBytes(StandardCharsets.UTF_8);
        return answer(intake.accept(new Submission(body.agencyId(), body.agencyName(), body.agencyLevel(),
                body.regionCode(), body.year(), body.publishedOn(), body.portalId(), null, document)));
    }

    private static ResponseEntity<Map<String, Object>> answer(IntakeResult result) {
        return switch (result) {
            case IntakeResult.Accepted accepted -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(Map.of("reportId", accepted.reportId(), "status", "INGESTED"));
            case IntakeResult.Rejected rejected -> ResponseEntity.status(rejected.httpStatus())
                    .body(Map.of("status", "REJECTED", "reason", rejected.reason(), "message", rejected.message()));
        };
    }
}
