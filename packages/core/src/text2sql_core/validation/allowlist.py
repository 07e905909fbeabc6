"""The functions a query may call, per dialect: default deny.

Two lists, because sqlglot meets functions in two forms:

- functions sqlglot knows are typed nodes (`exp.Count`, `exp.DateTrunc`, …) whatever the spelling in the source;
  `TYPED_ALLOWED` lists the node classes that are plain computations (aggregates, windows, dates, strings, maths,
  conditionals, JSON, conversions). Everything sqlglot models for other engines (AI/ML calls, file readers,
  sequences, secrets, session and account information) is left out.
- functions sqlglot does not know are `exp.Anonymous` nodes, checked by name against `COMMON_FUNCTIONS` plus the
  dialect's list (after normalisation: quotes, brackets, `U&` escapes and case removed).

A name on neither list is refused; `TEXT2SQL_SECURITY__ALLOWED_FUNCTIONS` adds a site's own safe UDFs.
"""

from __future__ import annotations

__all__ = ["COMMON_FUNCTIONS", "DIALECT_FUNCTIONS", "TYPED_ALLOWED", "is_allowed_name"]


def _names(text: str) -> frozenset[str]:
    return frozenset(text.upper().split())


TYPED_ALLOWED: frozenset[str] = frozenset(
    """
    Abs Acos Acosh AddMonths AnyValue ApproxDistinct ApproxQuantile Array ArrayAgg ArrayAll ArrayAny ArrayAppend
    ArrayCompact ArrayConcat ArrayConcatAgg ArrayContains ArrayDistinct ArrayFilter ArrayFirst ArrayIntersect
    ArrayLast ArrayMax ArrayMin ArrayPosition ArrayPrepend ArrayRemove ArrayReverse ArraySize ArraySlice ArraySort
    ArraySum ArrayToString ArrayUniqueAgg Ascii Asin Asinh Atan Atan2 Atanh Avg BitLength BitwiseAndAgg
    BitwiseCount BitwiseOrAgg BitwiseXorAgg ByteLength Case Cast CastToStrType Cbrt Ceil Chr Coalesce
    Concat ConcatWs ConnectByRoot Contains Convert ConvertTimezone Corr Cos Cosh Cot Count CountIf CovarPop
    CovarSamp CumeDist CurrentDate CurrentDatetime CurrentTime CurrentTimestamp CurrentTimestampLTZ Date DateAdd
    DateBin DateDiff DateFromParts DateStrToDate DateSub DateToDateStr DateTrunc Datetime DatetimeAdd DatetimeDiff
    DatetimeSub DatetimeTrunc Day DayOfMonth DayOfWeek DayOfWeekIso DayOfYear Dayname Decode DecodeCase Degrees
    DenseRank EndsWith Exists Exp Explode ExplodingGenerateSeries Extract First FirstValue Floor Format
    GenerateDateArray GenerateSeries GenerateTimestampArray Greatest GroupConcat Grouping GroupingId Hex Hour If
    Initcap IsNan IsInf JSONArray JSONArrayAgg JSONArrayContains JSONBContains JSONBExists JSONBExtract
    JSONBExtractScalar JSONBObjectAgg JSONExists JSONExtract JSONExtractArray JSONExtractScalar JSONFormat
    JSONKeys JSONObject JSONObjectAgg JSONTable JSONType JSONValueArray JustifyDays JustifyHours JustifyInterval
    Kurtosis Lag Last LastDay LastValue Lead Least Left Length Levenshtein Ln Localtime Localtimestamp Log
    LogicalAnd LogicalOr Lower LowerHex MD5 MD5Digest MakeInterval MatchAgainst Max Median Min Minute Mode
    Month Monthname MonthsBetween Nanvl NextDay Normalize NthValue Ntile Nullif NumberToStr Nvl2 Overlay Pad
    ParseJSON PercentRank PercentileCont PercentileDisc Pi PreviousDay Quantile Quarter Radians Rand Rank
    RegexpCount RegexpExtract RegexpExtractAll RegexpILike RegexpInstr RegexpLike RegexpReplace RegexpSplit
    RegexpSubstr RegrAvgx RegrAvgy RegrCount RegrIntercept RegrR2 RegrSlope RegrSxx RegrSxy RegrSyy Repeat Replace
    Reverse Right Round RowNumber SHA SHA2 Second Sign Sin Sinh Skewness Soundex Space Split SplitPart Sqrt
    StandardHash StartsWith Stddev StddevPop StddevSamp StrPosition StrToDate StrToTime StrToUnix StringToArray
    Struct Stuff Substring SubstringIndex Sum Systimestamp Tan Tanh Time TimeAdd TimeDiff TimeFromParts
    TimeStrToDate TimeStrToTime TimeStrToUnix TimeSub TimeToStr TimeToTimeStr TimeToUnix TimeTrunc Timestamp
    TimestampAdd TimestampDiff TimestampFromParts TimestampSub TimestampTrunc ToArray ToBase64 ToChar ToDays
    ToDouble ToNumber Translate Trim Trunc TryCast TsOrDiToDi TsOrDsAdd TsOrDsDiff TsOrDsToDate TsOrDsToDateStr
    TsOrDsToDatetime TsOrDsToTime TsOrDsToTimestamp Typeof Unhex Unicode UnixDate UnixSeconds UnixToStr
    UnixToTime UnixToTimeStr Unnest Upper UtcDate UtcTime UtcTimestamp Variance VariancePop Week WeekOfYear
    WeekStart WidthBucket Year YearOfWeek YearOfWeekIso
    """.split()
)

# Standard SQL and what every one of the four engines has, under names sqlglot may not model.
COMMON_FUNCTIONS = _names(
    """
    abs avg ceil ceiling coalesce concat corr count covar_pop covar_samp cume_dist dense_rank exp extract
    first_value floor greatest grouping lag last_value lead least length ln log lower ltrim max min mod
    nth_value ntile nullif percent_rank percentile_cont percentile_disc power rank replace round row_number rtrim
    sign sqrt stddev stddev_pop stddev_samp substr substring sum trim upper var_pop var_samp variance char_length
    character_length lpad rpad reverse left right repeat translate sin cos tan asin acos atan atan2 cot pi degrees
    radians regr_slope regr_intercept regr_count regr_r2 regr_avgx regr_avgy regr_sxx regr_syy regr_sxy
    json_value json_query json_exists json_object json_array json_arrayagg json_objectagg cast any_value
    """
)

DIALECT_FUNCTIONS: dict[str, frozenset[str]] = {
    "oracle": _names(
        """
        nvl nvl2 decode to_char to_date to_number to_timestamp to_timestamp_tz to_clob to_nchar to_dsinterval
        to_yminterval numtodsinterval numtoyminterval trunc add_months months_between last_day next_day
        listagg regexp_substr regexp_replace regexp_instr regexp_like regexp_count instr instrb initcap
        sys_connect_by_path connect_by_root ratio_to_report chr ascii lengthb substrb nanvl bitand width_bucket
        json_table json_serialize json_mergepatch nls_upper nls_lower nls_initcap unistr soundex
        approx_count_distinct approx_median approx_percentile stats_mode from_tz new_time sys_extract_utc
        tz_offset lnnvl ora_hash standard_hash median collect cardinality table rawtohex hextoraw asciistr
        compose decompose remainder sinh cosh tanh trunc round floor cast extract sysdate current_date
        localtimestamp systimestamp current_timestamp validate_conversion
        """
    ),
    "postgres": _names(
        """
        date_trunc date_part date_bin to_char to_date to_timestamp to_number age now clock_timestamp
        statement_timestamp transaction_timestamp make_date make_time make_timestamp make_timestamptz
        make_interval justify_days justify_hours justify_interval isfinite timezone string_agg array_agg
        array_length array_to_string string_to_array array_position array_positions array_remove array_append
        array_prepend array_cat array_lower array_upper array_ndims cardinality unnest generate_series split_part
        strpos initcap btrim concat_ws format regexp_replace regexp_match regexp_matches regexp_split_to_array
        regexp_split_to_table regexp_count regexp_instr regexp_like regexp_substr position overlay starts_with
        octet_length bit_length chr ascii md5 to_hex bool_and bool_or every bit_and bit_or mode div log10 cbrt
        trunc random width_bucket json_agg jsonb_agg json_object_agg jsonb_object_agg json_build_object
        jsonb_build_object json_build_array jsonb_build_array to_json to_jsonb row_to_json array_to_json
        json_extract_path json_extract_path_text jsonb_extract_path jsonb_extract_path_text json_array_length
        jsonb_array_length json_array_elements jsonb_array_elements json_array_elements_text
        jsonb_array_elements_text json_each jsonb_each json_each_text jsonb_each_text json_object_keys
        jsonb_object_keys json_typeof jsonb_typeof jsonb_pretty jsonb_path_query jsonb_path_query_array
        jsonb_path_query_first jsonb_path_exists jsonb_path_match jsonb_strip_nulls json_strip_nulls
        jsonb_set jsonb_insert pg_typeof num_nonnulls num_nulls quote_literal quote_ident unaccent
        to_tsvector to_tsquery plainto_tsquery phraseto_tsquery websearch_to_tsquery ts_rank ts_rank_cd ts_headline
        """
    ),
    "mysql": _names(
        """
        ifnull if date_format date_add date_sub adddate subdate datediff timestampdiff timestampadd now
        curdate curtime current_date current_time current_timestamp localtime localtimestamp utc_date
        utc_timestamp str_to_date year month day dayofmonth dayofweek dayofyear week weekday weekofyear
        yearweek quarter hour minute second microsecond last_day date time timestamp unix_timestamp
        from_unixtime makedate maketime monthname dayname to_days from_days period_add period_diff
        sec_to_time time_to_sec time_format timediff convert_tz group_concat concat_ws locate instr
        substring_index lcase ucase format truncate rand field elt find_in_set strcmp space hex unhex
        json_extract json_unquote json_contains json_contains_path json_length json_keys json_search
        json_type json_valid json_depth json_arrayagg json_objectagg json_table json_overlaps
        json_pretty json_merge_patch json_merge_preserve json_quote json_value member_of regexp_like
        regexp_replace regexp_substr regexp_instr match against convert std bit_count bit_and bit_or
        bit_xor char ord md5 sha1 sha2 crc32 log2 log10 cot conv bin oct lag lead
        """
    ),
    "sqlite": _names(
        """
        strftime date time datetime julianday unixepoch timediff ifnull iif instr substr length lower upper
        trim ltrim rtrim replace round abs coalesce nullif group_concat string_agg total typeof printf format
        hex unhex char unicode glob like likely unlikely likelihood random sign json json_extract
        json_array_length json_object json_array json_group_array json_group_object json_type json_valid
        json_quote json_each json_tree json_insert json_replace json_set json_remove json_patch concat concat_ws
        octet_length log log2 log10 ln exp pow power sqrt ceil ceiling floor trunc mod pi
        """
    ),
}


def is_allowed_name(name: str, dialect: str) -> bool:
    """Is the (normalised, upper-case, unqualified) function name on the common or the dialect's list?"""
    upper = name.upper()
    return upper in COMMON_FUNCTIONS or upper in DIALECT_FUNCTIONS.get(dialect, frozenset())
