# bench-compare.awk: reads the output of rounds of BenchmarkConvert and
# BenchmarkProseBaseline (each round one figure of each, run back to back,
# in alternating order) and prints the median articles/s of each and the
# median of the rounds' ratios. Pairing the two figures of a round keeps a
# shared host's drift out of the ratio; alternating the order keeps out
# whatever the first or second run of a pair has in its favour.
function median(list, n,    i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && list[j-1] > list[j]; j--) { t = list[j]; list[j] = list[j-1]; list[j-1] = t }
	return list[int((n + 1) / 2)]
}
{
	for (i = 1; i < NF; i++) if ($(i+1) == "articles/s") {
		if ($1 ~ /^BenchmarkConvert/) conv[++nc] = $i + 0
		if ($1 ~ /^BenchmarkProseBaseline/) base[++nb] = $i + 0
	}
}
END {
	n = (nc < nb ? nc : nb)
	if (n == 0) { print "bench-compare: no figures"; exit 1 }
	for (i = 1; i <= n; i++) { ratio[i] = conv[i] / base[i]; shown[i] = ratio[i] }
	c = median(conv, nc); b = median(base, nb); r = median(ratio, n)
	printf "readout end to end: %.0f articles/s; prose tokenize+segment+tag: %.0f articles/s (medians of %d rounds)\n", c, b, n
	printf "readout is %.0f%% of prose (median of the rounds' ratios", 100 * r
	for (i = 1; i <= n; i++) printf "%s %.0f%%", (i == 1 ? ":" : ","), 100 * shown[i]
	print ")"
}
