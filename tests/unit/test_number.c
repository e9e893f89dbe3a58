/*
 * The number recogniser: values, units, scales, conventions, traps, with
 * the shipped rules/numbers/ data.
 */
#include "num/number.h"
#include "test.h"

#include <math.h>
#include <stdlib.h>

typedef struct {
	const char *lang, *text;
	double value;
	const char *unit;
	int kind;
	bool approx;
} want;

/* Finds the quantities of text and checks the first one. */
static void one(const want *w)
{
	fl__text_ctx *tc = NULL;
	fl__numlang *nl = NULL;
	fl__doc d;
	fl__quantity *q = NULL;
	size_t n = 0;
	char err[256] = "", loc[16];
	const char *dd = getenv("FIDELINT_DATA_DIR");

	snprintf(loc, sizeof(loc), "%s", w->lang);
	for (char *p = loc; *p; p++)
		if (*p == '-')
			*p = '_';
	CHECK_EQ_INT(fl__text_ctx_new(&tc, err, sizeof(err)), 0);
	CHECK_EQ_INT(
	    fl__numlang_load(&nl, dd ? dd : "..", w->lang, err, sizeof(err)),
	    0);
	CHECK(nl != NULL);
	CHECK_EQ_INT(fl__doc_init(&d, tc, w->text, strlen(w->text), loc, err,
	                          sizeof(err)),
	             0);
	CHECK_EQ_INT(fl__numbers_find(&q, &n, &d, nl, tc, loc), 0);
	if (n == 0) {
		fprintf(stderr, "  no quantity in \"%s\"\n", w->text);
		CHECK(n > 0);
	} else {
		bool ok =
		    fabs(q[0].value - w->value) <= 1e-9 * fabs(w->value) ||
		    (!isnan(q[0].alt) &&
		     fabs(q[0].alt - w->value) <= 1e-9 * fabs(w->value));
		if (!ok)
			fprintf(stderr, "  \"%s\": %g (alt %g), want %g\n",
			        w->text, q[0].value, q[0].alt, w->value);
		CHECK(ok);
		CHECK_EQ_STR(q[0].unit, w->unit);
		CHECK_EQ_INT(q[0].kind, w->kind);
		CHECK_EQ_INT(q[0].approx, w->approx);
	}
	free(q);
	fl__doc_dispose(&d);
	fl__numlang_free(nl);
	fl__text_ctx_free(tc);
}

static void test_money_with_scales(void)
{
	static const want w[] = {
	    {"pt", "investiu US $ 14,3 bilhões na empresa", 14.3e9, "USD",
	     FL_QTY_MONEY, false},
	    {"pt", "um contrato de US$ 99 milhões", 99e6, "USD", FL_QTY_MONEY,
	     false},
	    {"pt", "um centro de dados de US$ 50 bilhões", 50e9, "USD",
	     FL_QTY_MONEY, false},
	    {"pt", "com 14,3 mil milhões de dólares", 14.3e9, "USD",
	     FL_QTY_MONEY, false},
	    {"ar", "استثمر 14.3 مليار دولار في الشركة", 14.3e9, "USD",
	     FL_QTY_MONEY, false},
	    {"ar", "عقد بقيمة ٩٩ مليون دولار", 99e6, "USD", FL_QTY_MONEY,
	     false},
	    {"fr", "un investissement de 14,3 milliards de dollars", 14.3e9,
	     "USD", FL_QTY_MONEY, false},
	    {"de", "eine Investition von 14,3 Milliarden Dollar", 14.3e9, "USD",
	     FL_QTY_MONEY, false},
	    {"en", "It paid $14.3 billion for it", 14.3e9, "USD", FL_QTY_MONEY,
	     false},
	    {"en", "a £2.8bn deal", 2.8e9, "GBP", FL_QTY_MONEY, false},
	    {"pt", "custou R$ 5 mil", 5e3, "BRL", FL_QTY_MONEY, false},
	};
	for (size_t i = 0; i < FL_ARRAY_SIZE(w); i++)
		one(&w[i]);
}

static void test_long_scale_traps(void)
{
	/* French "billion" and Portuguese "bilião" are 10^12. */
	static const want w[] = {
	    {"fr", "une dette de 3 billions d'euros", 3e12, "EUR", FL_QTY_MONEY,
	     false},
	    {"pt-PT", "uma dívida de 2 biliões de euros", 2e12, "EUR",
	     FL_QTY_MONEY, false},
	    {"de", "Schulden von 2 Billionen Euro", 2e12, "EUR", FL_QTY_MONEY,
	     false},
	};
	for (size_t i = 0; i < FL_ARRAY_SIZE(w); i++)
		one(&w[i]);
}

static void test_grouping_and_decimals(void)
{
	static const want w[] = {
	    {"pt", "foram 10.000 pessoas", 10000, "", FL_QTY_COUNT, false},
	    {"fr", "environ 10 000 personnes", 10000, "", FL_QTY_COUNT, true},
	    {"en", "some 1,997 lines", 1997, "", FL_QTY_COUNT, true},
	    {"en", "it rose 4.5 points", 4.5, "", FL_QTY_COUNT, false},
	    {"de", "es stieg um 4,5 Punkte", 4.5, "", FL_QTY_COUNT, false},
	};
	for (size_t i = 0; i < FL_ARRAY_SIZE(w); i++)
		one(&w[i]);
}

static void test_percent_and_hedges(void)
{
	static const want w[] = {
	    {"pt", "subiu 30 por cento", 30, "%", FL_QTY_PERCENT, false},
	    {"en", "a 49% stake", 49, "%", FL_QTY_PERCENT, false},
	    {"ar", "ارتفع بنسبة 30 في المائة", 30, "%", FL_QTY_PERCENT, false},
	    {"he", "השקיעה כ-15 מיליארד דולר", 15e9, "USD", FL_QTY_MONEY, true},
	    {"pt", "cerca de 200 funcionários", 200, "", FL_QTY_COUNT, true},
	    {"ar", "حوالي 200 موظف", 200, "", FL_QTY_COUNT, true},
	};
	for (size_t i = 0; i < FL_ARRAY_SIZE(w); i++)
		one(&w[i]);
}

static void test_spelled_out(void)
{
	static const want w[] = {
	    {"pt", "passou cinco anos na empresa", 5, "year", FL_QTY_MEASURE,
	     false},
	    {"pt", "depois de apenas dois meses", 2, "month", FL_QTY_MEASURE,
	     false},
	    {"ar", "بعد شهرين فقط", 2, "month", FL_QTY_MEASURE, false},
	    {"ar", "أمضى خمس سنوات", 5, "year", FL_QTY_MEASURE, false},
	    {"fr", "après deux mois", 2, "month", FL_QTY_MEASURE, false},
	    {"he", "לאחר חודשיים בלבד ושתי שנים", 2, "month", FL_QTY_MEASURE,
	     false},
	    {"pt", "o conselho reúne-se em dezenas de cidades", 10, "",
	     FL_QTY_COUNT, true},
	};
	for (size_t i = 0; i < FL_ARRAY_SIZE(w); i++)
		one(&w[i]);
}

/* Units, clock times, dates and ranges: value in the units of the text
 * (minutes after midnight for a time; yyyymmdd for a date). */
static void test_units_times_dates(void)
{
	static const want w[] = {
	    {"pt", "uma queda de seis metros", 6, "m", FL_QTY_MEASURE, false},
	    {"pt-BR", "com 1,98m de altura", 1.98, "m", FL_QTY_MEASURE, false},
	    {"pt", "ventos de 137 km/h", 137, "kmh", FL_QTY_MEASURE, false},
	    {"he", "משקל של 250 ק“ג", 250, "kg", FL_QTY_MEASURE, false},
	    {"de", "bei 27 ºC im Schatten", 27, "C", FL_QTY_MEASURE, false},
	    {"ar", "سقط من ارتفاع قدمين", 2, "ft", FL_QTY_MEASURE, false},
	    {"pt-BR", "às 15h de sexta", 15 * 60, "", FL_QTY_TIME, false},
	    {"pt-BR", "chegou às 4h04", 4 * 60 + 4, "", FL_QTY_TIME, false},
	    {"pt", "às três da tarde", 15 * 60, "", FL_QTY_TIME, false},
	    {"fr", "vers 19 h 00 hier", 19 * 60, "", FL_QTY_TIME, false},
	    {"de", "um 13.00 Uhr", 13 * 60, "", FL_QTY_TIME, false},
	    {"ar", "في الساعة 3 مساءً", 15 * 60, "", FL_QTY_TIME, false},
	    {"ar", "12:55 ظهرًا", 12 * 60 + 55, "", FL_QTY_TIME, false},
	    {"he", "בשעה 4.40 לפנות בוקר", 4 * 60 + 40, "", FL_QTY_TIME, false},
	    {"he", "בסביבות 15:00", 15 * 60, "", FL_QTY_TIME, false},
	    {"pt", "em 30 de maio de 2005", 20050530, "", FL_QTY_DATE, false},
	    {"fr", "le 1er octobre", 1001, "", FL_QTY_DATE, false},
	    {"de", "am 1. Oktober 2018", 20181001, "", FL_QTY_DATE, false},
	    {"he", "ב-30 במאי 2005", 20050530, "", FL_QTY_DATE, false},
	    {"de", "am 30.05.2005", 20050530, "", FL_QTY_DATE, false},
	    {"pt", "de 70 a 90% dos casos", 70, "%", FL_QTY_PERCENT, false},
	    {"ar", "ما بين 30 و43 بالمائة", 30, "%", FL_QTY_PERCENT, false},
	    {"fr", "au XIXe siècle", 19, "", FL_QTY_COUNT, false},
	    {"de", "in den 1930er-Jahren", 1930, "", FL_QTY_YEAR, false},
	};
	for (size_t i = 0; i < FL_ARRAY_SIZE(w); i++)
		one(&w[i]);
}

/* Numbers inside names are no quantities; articles are no "one". */
static void test_not_quantities(void)
{
	fl__text_ctx *tc = NULL;
	fl__numlang *nl = NULL;
	fl__doc d;
	fl__quantity *q = NULL;
	size_t n = 9;
	char err[256];
	const char *text = "o lançamento do Llama 4 e do GPT-4 num dia";
	const char *dd = getenv("FIDELINT_DATA_DIR");

	CHECK_EQ_INT(fl__text_ctx_new(&tc, err, sizeof(err)), 0);
	CHECK_EQ_INT(
	    fl__numlang_load(&nl, dd ? dd : "..", "pt", err, sizeof(err)), 0);
	CHECK_EQ_INT(
	    fl__doc_init(&d, tc, text, strlen(text), "pt", err, sizeof(err)),
	    0);
	CHECK_EQ_INT(fl__numbers_find(&q, &n, &d, nl, tc, "pt"), 0);
	CHECK_EQ_INT(n, 0);
	free(q);
	fl__doc_dispose(&d);
	fl__numlang_free(nl);
	fl__text_ctx_free(tc);
}

static void test_bad_number_file(void)
{
	fl__numlang *nl = NULL;
	char err[256] = "";
	const char *bad = "lang: pt\nscales: {mil: lots}\n";
	const char *unknown = "lang: pt\nscale: {mil: 1000}\n";
	CHECK_EQ_INT(fl__numlang_parse(&nl, "n.yaml", bad, strlen(bad), err,
	                               sizeof(err)),
	             FL_EPARSE);
	CHECK_CONTAINS(err, "n.yaml:2:");
	CHECK_CONTAINS(err, "not a number");
	CHECK_EQ_INT(fl__numlang_parse(&nl, "n.yaml", unknown, strlen(unknown),
	                               err, sizeof(err)),
	             FL_EPARSE);
	CHECK_CONTAINS(err, "unknown key 'scale'");
	CHECK(nl == NULL);
}

TESTS(T(test_money_with_scales), T(test_long_scale_traps),
      T(test_grouping_and_decimals), T(test_percent_and_hedges),
      T(test_spelled_out), T(test_units_times_dates), T(test_not_quantities),
      T(test_bad_number_file))
