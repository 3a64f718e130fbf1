package io.nianbao.faults;

import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import io.nianbao.localstack.ServiceFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;

/**
 * parse-service scaled out to two instances, one killed with SIGKILL mid-stream: the survivor
 * takes its partitions over and every report is parsed exactly once as downstream sees it (parse-service
 * consumes, produces and commits in one Kafka transaction; readers are read_committed).
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScalingIT {

    private static final System.Logger LOG = System.getLogger(ScalingIT.class.getName());
    private static final int REPORTS = 200;

    private FaultPipeline pipeline;

    @BeforeAll
    void start(LocalStack stack) throws IOException {
        pipeline = FaultPipeline.start(stack);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void twoParseInstancesOneKilledMidStreamEveryReportParsedExactlyOnce() throws Exception {
        ServiceFleet.Instance second = pipeline.fleet().addInstance("parse-service");
        long start = System.nanoTime();
        Batch batch = pipeline.publish("scale", REPORTS, 25);
        FaultPipeline.awaitProgress("parsed before the kill", () -> pipeline.trail().parsedOf(batch), REPORTS / 4);

        second.kill();
        pipeline.assertNothingLostNothingTwice(batch, true, false);
        LOG.log(System.Logger.Level.INFO, "{0} reports through the pipeline, one parse-service killed, in {1} ms",
                REPORTS, (System.nanoTime() - start) / 1_000_000);
    }
}
