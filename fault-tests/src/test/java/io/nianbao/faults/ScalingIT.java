package io.nianbao.faults;

import io.nianbao.localstack.ServiceFleet;
import org.junit.jupiter.api.Test;

/**
 * parse-service scaled out to two instances, one killed with SIGKILL mid-stream: the survivor
 * takes its partitions over and every report is parsed exactly once as downstream sees it (parse-service
 * consumes, produces and commits in one Kafka transaction; readers are read_committed).
 */
class ScalingIT extends FleetTest {

    private static final System.Logger LOG = System.getLogger(ScalingIT.class.getName());
    private static final int REPORTS = 200;

    @Test
    void twoParseInstancesOneKilledMidStreamEveryReportParsedExactlyOnce() throws Exception {
        ServiceFleet.Instance second = pipeline.fleet().addInstance("parse-service");
        long start = System.nanoTime();
        Batch batch = pipeline.publish("scale", REPORTS, 25);
        pipeline.awaitProgress("parsed before the kill", () -> pipeline.trail().parsedOf(batch), REPORTS / 4);

        second.kill();
        pipeline.assertNothingLostNothingTwice(batch, true, false);
        LOG.log(System.Logger.Level.INFO, "{0} reports through the pipeline, one parse-service killed, in {1} ms",
                REPORTS, (System.nanoTime() - start) / 1_000_000);
    }
}
