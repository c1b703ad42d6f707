# bench-compare.awk: reads the output of several runs of
# `extract.test -test.bench '^Benchmark(Convert|ProseBaseline)$'`, each run
# measuring readout and prose one after the other, and prints the median
# articles/s of each and the median of the runs' ratios. Pairing the two
# figures of one run keeps a shared host's drift out of the ratio.
function median(list, n,    i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && list[j-1] > list[j]; j--) { t = list[j]; list[j] = list[j-1]; list[j-1] = t }
	return list[int((n + 1) / 2)]
}
{
	for (i = 1; i < NF; i++) if ($(i+1) == "articles/s") {
		if ($1 ~ /^BenchmarkConvert/) { conv[++nc] = $i + 0; last = $i + 0 }
		if ($1 ~ /^BenchmarkProseBaseline/ && nc > nb) { base[++nb] = $i + 0; ratio[nb] = last / ($i + 0) }
	}
}
END {
	if (nc == 0 || nb == 0) { print "bench-compare: no figures"; exit 1 }
	c = median(conv, nc); b = median(base, nb); r = median(ratio, nb)
	printf "readout end to end: %.0f articles/s; prose tokenize+segment+tag: %.0f articles/s (medians of %d runs)\n", c, b, nb
	printf "readout is %.0f%% of prose (median of the runs' ratios", 100 * r
	for (i = 1; i <= nb; i++) printf "%s %.0f%%", (i == 1 ? ":" : ","), 100 * ratio[i]
	print ")"
}
