# Fixtures for eval.EtsTest: R forecast's ets() with its defaults on a handful of series (seasonal and not, positive
# and with zeros or negatives), the chosen model, its AICc and the point forecasts. Made once; rerun to refresh:
#   Rscript bench/ets-fixtures.R   (from the repository root; needs r-cran-forecast and ../shared/bench/m1)
suppressMessages(library(forecast))
read <- function(path, col) read.csv(path, stringsAsFactors = FALSE)[[col]]
m1 <- read.csv("../shared/bench/m1/monthly.csv", stringsAsFactors = FALSE)
m1q <- read.csv("../shared/bench/m1/quarterly.csv", stringsAsFactors = FALSE)
m1y <- read.csv("../shared/bench/m1/yearly.csv", stringsAsFactors = FALSE)
pick <- function(d, s) d[d$series == s, "value"]
sun <- read("data/sunspots-monthly.csv", "sunspots")
series <- list(
  list("airpassengers", read("data/airpassengers.csv", "passengers"), 12, 24),
  list("airpassengers-36", head(read("data/airpassengers.csv", "passengers"), 36), 12, 12),
  list("newhaven", read("data/newhaven-temperature.csv", "temp_f"), 1, 10),
  list("treering-200", tail(read("data/treering.csv", "width"), 200), 1, 10),
  list("sunspots-240", tail(sun, 240), 12, 24),
  list("sunspots-zeros", sun[1:150], 12, 18),
  list("airpassengers-minus-300", read("data/airpassengers.csv", "passengers") - 300, 12, 12),
  list("presidents-60", head(na.omit(read("data/presidents-approval.csv", "approval")), 60), 4, 8)
)
for (s in c("MRF1", "MNB65", "MRG13", "MNC40", "MRC17", "MNM34", "MNI80")) series[[length(series) + 1]] <- list(s, pick(m1, s), 12, 18)
for (s in c("QRF1", "QNB14", "QNC2", "QRC15")) series[[length(series) + 1]] <- list(s, pick(m1q, s), 4, 8)
for (s in c("YAF2", "YAM24", "YAI32", "YAC27")) series[[length(series) + 1]] <- list(s, pick(m1y, s), 1, 6)
hist <- list(); expect <- list()
for (x in series) {
  name <- x[[1]]; y <- x[[2]]; m <- x[[3]]; h <- x[[4]]
  if (length(y) == 0) next
  fit <- ets(ts(y, frequency = m))
  f <- as.numeric(forecast(fit, h = h, PI = FALSE)$mean)
  hist[[name]] <- data.frame(series = name, m = m, t = seq_along(y), value = y)
  expect[[name]] <- data.frame(series = name, model = fit$method, aicc = fit$aicc, step = 1:h, forecast = f)
}
write.csv(do.call(rbind, hist), "src/test/resources/ets/series.csv", row.names = FALSE)
write.csv(do.call(rbind, expect), "src/test/resources/ets/r-ets.csv", row.names = FALSE)
