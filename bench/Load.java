import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small closed-loop load generator (JDK only, run as {@code java bench/Load.java}): CONCURRENCY
 * clients each send requests back to back until REQUESTS have been sent in all, then it prints the
 * throughput and the latency percentiles. Responses with an unexpected status are counted and make
 * it exit with 1.
 *
 * <pre>java bench/Load.java CONCURRENCY REQUESTS EXPECTED_STATUS URL [BODY [HEADER: VALUE ...]]</pre>
 *
 * A BODY is sent as a form ({@code application/x-www-form-urlencoded}) unless a Content-Type
 * header is given; an empty BODY sends a GET (so that headers can follow). Several {@code Cookie}
 * headers are shared out among the clients, one each in turn (e.g. one signed-in session per
 * client).
 */
public class Load {

  public static void main(String[] args) throws Exception {
    int concurrency = Integer.parseInt(args[0]);
    int requests = Integer.parseInt(args[1]);
    int expected = Integer.parseInt(args[2]);
    URI uri = URI.create(args[3]);
    String form = args.length > 4 && !args[4].isEmpty() ? args[4] : null;
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    boolean typed = false;
    List<String> cookies = new ArrayList<>();
    for (int h = 5; h < args.length; h++) {
      String[] header = args[h].split(":\\s*", 2);
      if (header[0].equalsIgnoreCase("Cookie")) {
        cookies.add(header[1]);
        continue;
      }
      builder.header(header[0], header[1]);
      typed |= header[0].equalsIgnoreCase("Content-Type");
    }
    if (form != null && !typed) {
      builder.header("Content-Type", "application/x-www-form-urlencoded");
    }
    HttpRequest.Builder method =
        form == null ? builder.GET() : builder.POST(HttpRequest.BodyPublishers.ofString(form));
    List<HttpRequest> perClient = new ArrayList<>();
    for (int c = 0; c < concurrency; c++) {
      perClient.add(
          cookies.isEmpty()
              ? method.build()
              : method.copy().header("Cookie", cookies.get(c % cookies.size())).build());
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger unexpected = new AtomicInteger();
    AtomicInteger unanswered = new AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<String> firstFailure =
        new java.util.concurrent.atomic.AtomicReference<>("");
    long[] latencies = new long[requests];
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < concurrency; c++) {
      HttpRequest request = perClient.get(c);
      running.add(
          clients.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                  long sent = System.nanoTime();
                  try {
                    HttpResponse<Void> response =
                        client.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != expected) {
                      unexpected.incrementAndGet();
                    }
                  } catch (Exception e) {
                    unexpected.incrementAndGet();
                    unanswered.incrementAndGet();
                    firstFailure.compareAndSet("", String.valueOf(e));
                  }
                  latencies[i] = System.nanoTime() - sent;
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    clients.shutdown();
    Arrays.sort(latencies);
    System.out.printf(
        "%s: %d requests, %d concurrent: %.0f req/s, p50 %.1f ms, p99 %.1f ms, unexpected %d%s%n",
        uri.getPath(),
        requests,
        concurrency,
        requests / seconds,
        latencies[requests / 2] / 1e6,
        latencies[Math.min(requests - 1, (int) Math.ceil(requests * 0.99) - 1)] / 1e6,
        unexpected.get(),
        unanswered.get() == 0
            ? ""
            : " (" + unanswered.get() + " without an answer, first: " + firstFailure.get() + ")");
    System.exit(unexpected.get() == 0 ? 0 : 1);
  }
}
