package org.technocarte.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.common.DatabaseFaultsTestSupport.assertFault;
import static org.technocarte.common.DatabaseFaultsTestSupport.ownConnection;
import static org.technocarte.common.DatabaseFaultsTestSupport.readTheMap;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A request that waited too long for a worker thread, behind requests stuck on the database, is
 * answered 503 server-busy as soon as a worker takes it, rather than late: with two workers held by
 * statements waiting on a lock, a third request queues past the queue timeout.
 */
@QuarkusTest
@TestProfile(QueueWaitTest.TwoWorkers.class)
class QueueWaitTest {

  public static class TwoWorkers implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.thread-pool.max-threads", "2",
          "technocarte.database.statement-timeout", "PT3S",
          "technocarte.database.queue-timeout", "PT1S");
    }
  }

  @Test
  void shouldAnswer503ToARequestThatWaitedPastTheQueueTimeout() throws Exception {
    readTheMap().statusCode(200);
    ExecutorService clients = Executors.newFixedThreadPool(3);
    try (Connection locker = ownConnection()) {
      locker.setAutoCommit(false);
      List<Future<Response>> answers = new ArrayList<>();
      try (Statement lock = locker.createStatement()) {
        lock.execute("LOCK TABLE sighting IN ACCESS EXCLUSIVE MODE");
        for (int i = 0; i < 2; i++) {
          answers.add(clients.submit(() -> given().get("/api/sightings/1")));
        }
        // The two workers are now held on the lock; this one waits for a worker.
        Thread.sleep(500);
        answers.add(clients.submit(() -> given().get("/api/sightings/1")));
        for (Future<Response> answer : answers.subList(0, 2)) {
          assertFault(answer.get(30, TimeUnit.SECONDS).then(), "statement-timeout");
        }
        Response queued = answers.get(2).get(30, TimeUnit.SECONDS);
        assertFault(queued.then(), "server-busy");
        assertTrue(queued.time() < 10_000, "answered once a worker was free: " + queued.time());
      } finally {
        locker.rollback();
      }
    } finally {
      clients.shutdownNow();
    }
    assertEquals(200, readTheMap().extract().statusCode(), "served again after the lock");
  }
}
