<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>eligibility</name>
        <message>
            <source>申请人确认：是</source>
            <extracomment>REASON_TEXT['answered_yes']</extracomment>
            <translation>Applicant confirms: yes</translation>
        </message>
        <message>
            <source>申请人答复：否</source>
            <extracomment>REASON_TEXT['answered_no']</extracomment>
            <translation>Applicant answers: no</translation>
        </message>
        <message>
            <source>尚未答复，需补充</source>
            <extracomment>REASON_TEXT['unanswered']</extracomment>
            <translation>Not answered yet; information needed</translation>
        </message>
        <message>
            <source>所填为“{value}”，符合要求</source>
            <extracomment>REASON_TEXT['value_allowed']</extracomment>
            <translation>Entered “{value}”, which meets the requirement</translation>
        </message>
        <message>
            <source>所填为“{value}”，不在“{allowed}”之列</source>
            <extracomment>REASON_TEXT['value_not_allowed']</extracomment>
            <translation>Entered “{value}”, which is not among “{allowed}”</translation>
        </message>
        <message>
            <source>尚未填写，需补充</source>
            <extracomment>REASON_TEXT['value_missing']</extracomment>
            <translation>Not filled in yet; information needed</translation>
        </message>
        <message>
            <source>已填写：{value}</source>
            <extracomment>REASON_TEXT['value_present']</extracomment>
            <translation>Filled in: {value}</translation>
        </message>
        <message>
            <source>日期 {date} 在有效期（{valid_from} 至 {valid_until}）内</source>
            <extracomment>REASON_TEXT['date_in_term']</extracomment>
            <translation>Date {date} is within the term of validity ({valid_from} to {valid_until})</translation>
        </message>
        <message>
            <source>日期 {date} 早于印发实施日 {valid_from}</source>
            <extracomment>REASON_TEXT['date_before_issue']</extracomment>
            <translation>Date {date} is before the policy took effect on {valid_from}</translation>
        </message>
        <message>
            <source>日期 {date} 晚于有效期届满日 {valid_until}</source>
            <extracomment>REASON_TEXT['date_after_expiry']</extracomment>
            <translation>Date {date} is after the policy expired on {valid_until}</translation>
        </message>
        <message>
            <source>尚未填写日期，需补充</source>
            <extracomment>REASON_TEXT['date_missing']</extracomment>
            <translation>No date entered yet; information needed</translation>
        </message>
        <message>
            <source>日期 {date} 晚于评估日 {as_of}：尚未发生，不是已取得的事实，不计入合计，待取得后补充</source>
            <extracomment>REASON_TEXT['date_in_future']</extracomment>
            <translation>Date {date} is after the evaluation date {as_of}: it has not happened yet and is not an established fact; not counted in the total, to be added once obtained</translation>
        </message>
        <message>
            <source>日期 {date} 晚于评估日 {as_of}：按预测计入（预测，尚未取得）</source>
            <extracomment>REASON_TEXT['date_forecast']</extracomment>
            <translation>Date {date} is after the evaluation date {as_of}: counted as a forecast (not yet obtained)</translation>
        </message>
        <message>
            <source>评估日 {as_of} 政策现行有效（{valid_from} 至 {valid_until}）</source>
            <extracomment>REASON_TEXT['policy_in_force']</extracomment>
            <translation>On {as_of} the policy is in force ({valid_from} to {valid_until})</translation>
        </message>
        <message>
            <source>评估日 {as_of} 政策尚未印发实施（{valid_from} 起实施），其下不能支付任何奖补</source>
            <extracomment>REASON_TEXT['policy_not_yet_in_force']</extracomment>
            <translation>On {as_of} the policy is not yet in force (effective from {valid_from}); no award can be paid under it</translation>
        </message>
        <message>
            <source>评估日 {as_of} 政策尚未印发实施（{valid_from} 起实施），其下不能支付任何奖补；当时适用的是《{predecessor_title}》（{predecessor}），已由本意见同步废止，应按该文件申报</source>
            <extracomment>REASON_TEXT['policy_not_yet_predecessor']</extracomment>
            <translation>On {as_of} the policy is not yet in force (effective from {valid_from}); no award can be paid under it. The policy then applicable was “{predecessor_title}” ({predecessor}), repealed by this document; apply under that document</translation>
        </message>
        <message>
            <source>评估日 {as_of} 政策已于 {valid_until} 期满失效，其下不能支付任何奖补</source>
            <extracomment>REASON_TEXT['policy_expired']</extracomment>
            <translation>On {as_of} the policy has expired (on {valid_until}); no award can be paid under it</translation>
        </message>
        <message>
            <source>不在适用范围内：未满足“{failed}”</source>
            <extracomment>REASON_TEXT['outside_scope']</extracomment>
            <translation>Outside the scope: “{failed}” is not met</translation>
        </message>
        <message>
            <source>适用范围尚待确认：“{unknown}”</source>
            <extracomment>REASON_TEXT['scope_unknown']</extracomment>
            <translation>Scope still to be confirmed: “{unknown}”</translation>
        </message>
        <message>
            <source>申请单位在适用范围内</source>
            <extracomment>REASON_TEXT['scope_met']</extracomment>
            <translation>The applicant is within the scope</translation>
        </message>
        <message>
            <source>同一产品“{project}”（{identified_by}）同时按“{items}”申报，一个产品只能属于一个类别</source>
            <extracomment>REASON_TEXT['conflicting_claims']</extracomment>
            <translation>The same product “{project}” ({identified_by}) is claimed under “{items}”; a product can belong to only one category</translation>
        </message>
        <message>
            <source>未与其他类别重复申报</source>
            <extracomment>REASON_TEXT['no_conflict']</extracomment>
            <translation>Not claimed twice under another category</translation>
        </message>
        <message>
            <source>已在试算中排除，不计入合计</source>
            <extracomment>REASON_TEXT['excluded_by_user']</extracomment>
            <translation>Excluded in this trial calculation; not counted in the total</translation>
        </message>
        <message>
            <source>申请金额 {requested}，低于上限 {max}，按申请金额计</source>
            <extracomment>REASON_TEXT['requested_below_max']</extracomment>
            <translation>Requested {requested}, below the maximum of {max}: the requested amount is counted</translation>
        </message>
        <message>
            <source>申请金额 {requested}超过上限 {max}，按上限计</source>
            <extracomment>REASON_TEXT['requested_above_max']</extracomment>
            <translation>Requested {requested}, above the maximum of {max}: the maximum is counted</translation>
        </message>
        <message>
            <source>按实际投资额的一定比例补助，不超过实际投资额 {base}</source>
            <extracomment>REASON_TEXT['share_capped_by_base']</extracomment>
            <translation>A share of the actual investment, not more than the actual investment of {base}</translation>
        </message>
        <message>
            <source>比例未定，最高{max}：政策只写“一定比例”，金额以上限列示，不作为已确定的资金计入合计</source>
            <extracomment>REASON_TEXT['share_not_stated']</extracomment>
            <translation>Share not stated, maximum {max}: the policy only says “a certain share”, so the cap is shown and not counted in the total as confirmed funding</translation>
        </message>
        <message>
            <source>按{base_label} {base} 的 {percent}% 计，为 {amount}</source>
            <extracomment>REASON_TEXT['share_stated']</extracomment>
            <translation>{percent}% of the {base_label} {base}: {amount}</translation>
        </message>
        <message>
            <source>同一申请单位按本项合计最高{ceiling}（已由本单位其他申报占用 {used}），本项最高 {max}</source>
            <extracomment>REASON_TEXT['applicant_ceiling']</extracomment>
            <translation>At most {ceiling} in total per applicant under this award ({used} already used by the applicant’s other claims); at most {max} for this claim</translation>
        </message>
        <message>
            <source>申请的{requested_label} {requested}超过上限 {limit}，按上限 {limit}计</source>
            <extracomment>REASON_TEXT['financing_above_limit']</extracomment>
            <translation>The requested {requested_label} {requested} exceeds the limit of {limit}; the limit of {limit} is counted</translation>
        </message>
        <message>
            <source>第 {n} 年（{date}）已超出有效期（至 {valid_until}），不予计算</source>
            <extracomment>REASON_TEXT['instalment_after_expiry']</extracomment>
            <translation>Year {n} ({date}) falls after the term of validity (until {valid_until}) and is not counted</translation>
        </message>
        <message>
            <source>同一项目已按“{policy}”获得或申报 {other}，从优就高不重复：按较高者计，本项不再计入</source>
            <extracomment>REASON_TEXT['superseded_by_other_policy']</extracomment>
            <translation>The same project has received or claimed {other} under “{policy}”; only the higher award applies, so this claim is not counted</translation>
        </message>
        <message>
            <source>同一项目另按“{policy}”申报 {other}，从优就高不重复：按本项 {amount}计，另一项不应重复享受</source>
            <extracomment>REASON_TEXT['counted_here_over_other']</extracomment>
            <translation>The same project also claims {other} under “{policy}”; only the higher award applies: {amount} is counted here and the other should not also be paid</translation>
        </message>
        <message>
            <source>同一项目“{project}”已按“{other_item}”计入较高金额，从优就高不重复，本项不再计入</source>
            <extracomment>REASON_TEXT['duplicate_project_lower']</extracomment>
            <translation>The project “{project}” is already counted at a higher amount under “{other_item}”; only the higher award applies, so this claim is not counted</translation>
        </message>
        <message>
            <source>政策未规定金额，按相关政策执行，不计入合计</source>
            <extracomment>REASON_TEXT['amount_not_fixed']</extracomment>
            <translation>The policy sets no amount (paid under the relevant policies); not counted in the total</translation>
        </message>
        <message>
            <source>属融资支持（额度上限 {limit}），不是奖补资金，不计入合计</source>
            <extracomment>REASON_TEXT['financing_not_money']</extracomment>
            <translation>Financing support (limit {limit}), not an award; not counted in the total</translation>
        </message>
        <message>
            <source>属融资支持，不是奖补资金，不计入合计</source>
            <extracomment>REASON_TEXT['financing_no_limit']</extracomment>
            <translation>Financing support, not an award; not counted in the total</translation>
        </message>
        <message>
            <source>属非资金支持，不计入合计</source>
            <extracomment>REASON_TEXT['non_monetary']</extracomment>
            <translation>Non-monetary support; not counted in the total</translation>
        </message>
        <message>
            <source>资金来源：{fund}</source>
            <extracomment>REASON_TEXT['fund_selected']</extracomment>
            <translation>Funded by: {fund}</translation>
        </message>
        <message>
            <source>按《{title}》（{doc_number}）评估“{application}”，评估日 {as_of}</source>
            <extracomment>REASON_TEXT['trace.start']</extracomment>
            <translation>Evaluating “{application}” against “{title}” ({doc_number}) as of {as_of}</translation>
        </message>
        <message>
            <source>政策效力：{status_text}</source>
            <extracomment>REASON_TEXT['trace.policy']</extracomment>
            <translation>Policy validity: {status_text}</translation>
        </message>
        <message>
            <source>适用范围：{state_text}</source>
            <extracomment>REASON_TEXT['trace.scope']</extracomment>
            <translation>Scope: {state_text}</translation>
        </message>
        <message>
            <source>“{item}”{claim}：{state_text}</source>
            <extracomment>REASON_TEXT['trace.item']</extracomment>
            <translation>“{item}”{claim}: {state_text}</translation>
        </message>
        <message>
            <source>　条件“{condition}”：{reason_text}</source>
            <extracomment>REASON_TEXT['trace.condition']</extracomment>
            <translation>　Condition “{condition}”: {reason_text}</translation>
        </message>
        <message>
            <source>　最高 {max}，计入 {amount}</source>
            <extracomment>REASON_TEXT['trace.amount']</extracomment>
            <translation>　Maximum {max}, counted {amount}</translation>
        </message>
        <message>
            <source>　{note_text}</source>
            <extracomment>REASON_TEXT['trace.note']</extracomment>
            <translation>　{note_text}</translation>
        </message>
        <message>
            <source>{year} 年：合计 {before}，适用上限后 {after}</source>
            <extracomment>REASON_TEXT['trace.year']</extracomment>
            <translation>{year}: total {before}, {after} after the cap</translation>
        </message>
        <message>
            <source>{year} 年合计 {before}，超过每个单位每年 {cap}的上限，按 {cap}计</source>
            <extracomment>REASON_TEXT['trace.cap']</extracomment>
            <translation>{year}: total {before} exceeds the cap of {cap} per applicant per year; {cap} is counted</translation>
        </message>
        <message>
            <source>评估日在政策有效期内</source>
            <extracomment>REASON_TEXT['cond.validity']</extracomment>
            <translation>The evaluation date is within the policy's term of validity</translation>
        </message>
        <message>
            <source>合计（各年适用上限后）：{after}；适用上限前：{before}</source>
            <extracomment>REASON_TEXT['trace.total']</extracomment>
            <translation>Total (after each year's cap): {after}; before the cap: {before}</translation>
        </message>
        <message>
            <source>不是有效的 JSON 文件：{value}</source>
            <extracomment>REASON_TEXT['file.not_json']</extracomment>
            <translation>Not a valid JSON file: {value}</translation>
        </message>
        <message>
            <source>文件无法读取：{value}</source>
            <extracomment>REASON_TEXT['file.unreadable']</extracomment>
            <translation>The file cannot be read: {value}</translation>
        </message>
        <message>
            <source>文件内容应为一个 JSON 对象</source>
            <extracomment>REASON_TEXT['file.not_object']</extracomment>
            <translation>The file must contain one JSON object</translation>
        </message>
        <message>
            <source>字段 {field}：不是申报文件（format 应为 workbench.application），实为 {value!r}</source>
            <extracomment>REASON_TEXT['file.wrong_format']</extracomment>
            <translation>Field {field}: not an application file (format should be workbench.application, found {value!r})</translation>
        </message>
        <message>
            <source>字段 {field}：不支持的版本 {value!r}（本程序支持版本 1）</source>
            <extracomment>REASON_TEXT['file.wrong_version']</extracomment>
            <translation>Field {field}: unsupported version {value!r} (this program supports version 1)</translation>
        </message>
        <message>
            <source>缺少必填字段 {field}</source>
            <extracomment>REASON_TEXT['file.missing_field']</extracomment>
            <translation>Required field {field} is missing</translation>
        </message>
        <message>
            <source>字段 {field}：应为{expected}，实为 {value!r}</source>
            <extracomment>REASON_TEXT['file.wrong_type']</extracomment>
            <translation>Field {field}: expected {expected}, found {value!r}</translation>
        </message>
        <message>
            <source>文件无法按文本读取：{value}</source>
            <extracomment>REASON_TEXT['file.not_text']</extracomment>
            <translation>The file cannot be read as text: {value}</translation>
        </message>
        <message>
            <source>字段 {field}：金额不能为负数（{value}）</source>
            <extracomment>REASON_TEXT['file.negative_amount']</extracomment>
            <translation>Field {field}: the amount cannot be negative ({value})</translation>
        </message>
        <message>
            <source>字段 {field}：不是有效日期 {value!r}（应为 YYYY-MM-DD）</source>
            <extracomment>REASON_TEXT['file.bad_date']</extracomment>
            <translation>Field {field}: {value!r} is not a valid date (use YYYY-MM-DD)</translation>
        </message>
        <message>
            <source>字段 {field}：未知的政策规则 {value!r}</source>
            <extracomment>REASON_TEXT['file.unknown_rules']</extracomment>
            <translation>Field {field}: unknown policy rules {value!r}</translation>
        </message>
        <message>
            <source>字段 {field}：未知的奖补事项 {value!r}</source>
            <extracomment>REASON_TEXT['file.unknown_item']</extracomment>
            <translation>Field {field}: unknown award {value!r}</translation>
        </message>
        <message>
            <source>字段 {field}：未知的条件 {value!r}</source>
            <extracomment>REASON_TEXT['file.unknown_answer']</extracomment>
            <translation>Field {field}: unknown condition {value!r}</translation>
        </message>
        <message>
            <source>字段 {field}：编号 {value!r} 重复</source>
            <extracomment>REASON_TEXT['file.duplicate_id']</extracomment>
            <translation>Field {field}: ID {value!r} is used twice</translation>
        </message>
        <message>
            <source>文件过大（{value} 字节），申报文件最大 5 MB</source>
            <extracomment>REASON_TEXT['file.too_large']</extracomment>
            <translation>The file is too large ({value} bytes); application files can be at most 5 MB</translation>
        </message>
        <message>
            <source>字段 {field}：嵌套层数超过 {value} 层</source>
            <extracomment>REASON_TEXT['file.too_deep']</extracomment>
            <translation>Field {field}: nested more than {value} levels deep</translation>
        </message>
        <message>
            <source>字段 {field}：内容过长（{value} 个字）</source>
            <extracomment>REASON_TEXT['file.too_long']</extracomment>
            <translation>Field {field}: too long ({value} characters)</translation>
        </message>
        <message>
            <source>字段 {field}：含有无效字符 {value}（孤立的代理码位，不是文字）</source>
            <extracomment>REASON_TEXT['file.bad_char']</extracomment>
            <translation>Field {field}: contains an invalid character {value} (a lone surrogate code point, not text)</translation>
        </message>
        <message>
            <source>字段 {field}：SHA-256 应为 64 位十六进制数字，实为 {value!r}</source>
            <extracomment>REASON_TEXT['file.bad_hash']</extracomment>
            <translation>Field {field}: SHA-256 must be 64 hexadecimal digits, found {value!r}</translation>
        </message>
    </context>
    <context>
        <name>labels</name>
        <message>
            <source>尚未生效</source>
            <extracomment>words.VALIDITY_WORDS['not_yet_in_force']</extracomment>
            <translation>Not yet in force</translation>
        </message>
        <message>
            <source>现行有效</source>
            <extracomment>words.VALIDITY_WORDS['in_force']</extracomment>
            <translation>In force</translation>
        </message>
        <message>
            <source>已失效</source>
            <extracomment>words.VALIDITY_WORDS['expired']</extracomment>
            <translation>Expired</translation>
        </message>
        <message>
            <source>已废止</source>
            <extracomment>words.VALIDITY_WORDS['repealed']</extracomment>
            <translation>Repealed</translation>
        </message>
        <message>
            <source>效力未知</source>
            <extracomment>words.VALIDITY_WORDS['unknown']</extracomment>
            <translation>Validity unknown</translation>
        </message>
        <message>
            <source>尚未实施</source>
            <extracomment>words.POLICY_STATUS_WORDS['not_yet_in_force']</extracomment>
            <translation>Not yet in effect</translation>
        </message>
        <message>
            <source>国家</source>
            <extracomment>words.LEVEL_WORDS['national']</extracomment>
            <translation>National</translation>
        </message>
        <message>
            <source>省级</source>
            <extracomment>words.LEVEL_WORDS['provincial']</extracomment>
            <translation>Provincial</translation>
        </message>
        <message>
            <source>市级</source>
            <extracomment>words.LEVEL_WORDS['municipal']</extracomment>
            <translation>Municipal</translation>
        </message>
        <message>
            <source>其他</source>
            <extracomment>words.LEVEL_WORDS['other']</extracomment>
            <translation>Other</translation>
        </message>
        <message>
            <source>省</source>
            <extracomment>words.LEVEL_SHORT_WORDS['provincial']</extracomment>
            <translation>Province</translation>
        </message>
        <message>
            <source>市</source>
            <extracomment>words.LEVEL_SHORT_WORDS['municipal']</extracomment>
            <translation>City</translation>
        </message>
        <message>
            <source>文件不存在</source>
            <extracomment>words.IMPORT_PROBLEM_WORDS['not_found']</extracomment>
            <translation>The file does not exist</translation>
        </message>
        <message>
            <source>文件无法读取（权限或磁盘错误）</source>
            <extracomment>words.IMPORT_PROBLEM_WORDS['unreadable']</extracomment>
            <translation>The file cannot be read (permissions or disk error)</translation>
        </message>
        <message>
            <source>文件为空</source>
            <extracomment>words.IMPORT_PROBLEM_WORDS['empty']</extracomment>
            <translation>The file is empty</translation>
        </message>
        <message>
            <source>文件超过大小上限</source>
            <extracomment>words.IMPORT_PROBLEM_WORDS['too_large']</extracomment>
            <translation>The file is over the size limit</translation>
        </message>
        <message>
            <source>不是文本文件（二进制内容）</source>
            <extracomment>words.IMPORT_PROBLEM_WORDS['binary']</extracomment>
            <translation>Not a text file (binary content)</translation>
        </message>
        <message>
            <source>无法识别文字编码</source>
            <extracomment>words.IMPORT_PROBLEM_WORDS['undecodable']</extracomment>
            <translation>The text encoding cannot be recognised</translation>
        </message>
        <message>
            <source>PDF 没有文字层（可能是扫描件）</source>
            <extracomment>words.IMPORT_PROBLEM_WORDS['no_text_layer']</extracomment>
            <translation>The PDF has no text layer (probably a scan)</translation>
        </message>
        <message>
            <source>文件已损坏或格式不符</source>
            <extracomment>words.IMPORT_PROBLEM_WORDS['corrupt']</extracomment>
            <translation>The file is damaged or not of its stated type</translation>
        </message>
        <message>
            <source>不支持的文件类型（支持 .txt、.docx、.pdf、.xlsx）</source>
            <extracomment>words.IMPORT_PROBLEM_WORDS['unsupported_type']</extracomment>
            <translation>Unsupported file type (supported: .txt, .docx, .pdf, .xlsx)</translation>
        </message>
        <message>
            <source>文库中已有相同文件</source>
            <extracomment>words.IMPORT_PROBLEM_WORDS['duplicate']</extracomment>
            <translation>The same document is already in the library</translation>
        </message>
        <message>
            <source>文库中已有相同文号的文件</source>
            <extracomment>words.IMPORT_PROBLEM_WORDS['duplicate_number']</extracomment>
            <translation>A document with the same number is already in the library</translation>
        </message>
        <message>
            <source>已取消</source>
            <extracomment>words.IMPORT_PROBLEM_WORDS['cancelled']</extracomment>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>磁盘已满，此文件未保存（之前导入的文件已保存）</source>
            <extracomment>words.IMPORT_PROBLEM_WORDS['disk_full']</extracomment>
            <translation>Disk full: this file was not saved (files imported before it were saved)</translation>
        </message>
        <message>
            <source>磁盘已满，未尝试导入</source>
            <extracomment>words.IMPORT_PROBLEM_WORDS['not_attempted']</extracomment>
            <translation>Disk full: import not attempted</translation>
        </message>
        <message>
            <source>查询语法有误，已按普通词语检索</source>
            <extracomment>words.SEARCH_NOTICE_WORDS['malformed_query_fallback']</extracomment>
            <translation>The query could not be parsed; searched for its words instead</translation>
        </message>
        <message>
            <source>检索词中没有可检索的文字</source>
            <extracomment>words.SEARCH_NOTICE_WORDS['no_searchable_terms']</extracomment>
            <translation>The query has no searchable text</translation>
        </message>
        <message>
            <source>检索索引暂不可用，正在重建</source>
            <extracomment>words.SEARCH_NOTICE_WORDS['index_unavailable']</extracomment>
            <translation>The search index is unavailable and is being rebuilt</translation>
        </message>
        <message>
            <source>未找到同时包含全部检索词的条款，以下为部分匹配</source>
            <extracomment>words.SEARCH_NOTICE_WORDS['partial_matches']</extracomment>
            <translation>No clause contains all the search terms; showing partial matches</translation>
        </message>
        <message>
            <source>部分结果按同义词匹配</source>
            <extracomment>words.SEARCH_NOTICE_WORDS['synonym_matches']</extracomment>
            <translation>Some results were matched through synonyms</translation>
        </message>
        <message>
            <source>检索索引未能更新（磁盘空间不足或索引被占用），结果可能缺少最近导入的文件</source>
            <extracomment>words.SEARCH_NOTICE_WORDS['index_stale']</extracomment>
            <translation>The search index could not be updated (disk full or index in use); results may miss recently imported documents</translation>
        </message>
        <message>
            <source>检索词过长，只按前 200 个字检索</source>
            <extracomment>words.SEARCH_NOTICE_WORDS['query_truncated']</extracomment>
            <translation>The query is too long; only its first 200 characters were searched</translation>
        </message>
        <message>
            <source>符合</source>
            <extracomment>words.CHECK_STATE_WORDS['eligible']</extracomment>
            <translation>Eligible</translation>
        </message>
        <message>
            <source>不符合</source>
            <extracomment>words.CHECK_STATE_WORDS['ineligible']</extracomment>
            <translation>Not eligible</translation>
        </message>
        <message>
            <source>待补充</source>
            <extracomment>words.CHECK_STATE_WORDS['needs_info']</extracomment>
            <translation>Needs information</translation>
        </message>
        <message>
            <source>已实现</source>
            <extracomment>words.INDICATOR_STATUS_WORDS['achieved']</extracomment>
            <translation>Achieved</translation>
        </message>
        <message>
            <source>进展顺利</source>
            <extracomment>words.INDICATOR_STATUS_WORDS['on_track']</extracomment>
            <translation>On track</translation>
        </message>
        <message>
            <source>需加快进度</source>
            <extracomment>words.INDICATOR_STATUS_WORDS['needs_acceleration']</extracomment>
            <translation>Needs acceleration</translation>
        </message>
        <message>
            <source>进展有限</source>
            <extracomment>words.INDICATOR_STATUS_WORDS['limited_progress']</extracomment>
            <translation>Limited progress</translation>
        </message>
        <message>
            <source>出现倒退</source>
            <extracomment>words.INDICATOR_STATUS_WORDS['deteriorating']</extracomment>
            <translation>Deteriorating</translation>
        </message>
        <message>
            <source>已逾期</source>
            <extracomment>words.INDICATOR_STATUS_WORDS['overdue']</extracomment>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>暂无数据</source>
            <extracomment>words.INDICATOR_STATUS_WORDS['no_data']</extracomment>
            <translation>No data</translation>
        </message>
        <message>
            <source>不低于</source>
            <extracomment>words.COMPARATOR_WORDS['at_least']</extracomment>
            <translation>At least</translation>
        </message>
        <message>
            <source>超过</source>
            <extracomment>words.COMPARATOR_WORDS['more_than']</extracomment>
            <translation>Over </translation>
        </message>
        <message>
            <source>左右</source>
            <extracomment>words.COMPARATOR_WORDS['about']</extracomment>
            <translation>About </translation>
        </message>
        <message>
            <source>区间</source>
            <extracomment>words.COMPARATOR_WORDS['range']</extracomment>
            <translation>Range</translation>
        </message>
        <message>
            <source>不高于</source>
            <extracomment>words.COMPARATOR_WORDS['at_most']</extracomment>
            <translation>At most</translation>
        </message>
        <message>
            <source>没有这个指标</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['unknown_indicator']</extracomment>
            <translation>No such indicator</translation>
        </message>
        <message>
            <source>文库中没有这个文件</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['unknown_document']</extracomment>
            <translation>The document is not in the library</translation>
        </message>
        <message>
            <source>期间格式不对（应为 2024、2024-06、2024-Q2 或 2024-H1）</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['invalid_period']</extracomment>
            <translation>Invalid period (use 2024, 2024-06, 2024-Q2 or 2024-H1)</translation>
        </message>
        <message>
            <source>期间不存在（月份或年份超出范围）</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['impossible_period']</extracomment>
            <translation>The period does not exist (month or year out of range)</translation>
        </message>
        <message>
            <source>数值不是数字</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['invalid_value']</extracomment>
            <translation>The value is not a number</translation>
        </message>
        <message>
            <source>不是数字</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['not_a_number']</extracomment>
            <translation>Not a number</translation>
        </message>
        <message>
            <source>未填写</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['missing_value']</extracomment>
            <translation>Empty</translation>
        </message>
        <message>
            <source>缺少这一列</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['missing_column']</extracomment>
            <translation>This column is missing</translation>
        </message>
        <message>
            <source>单位与指标不符</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['wrong_unit']</extracomment>
            <translation>The unit does not match the indicator</translation>
        </message>
        <message>
            <source>文件中同一指标同一期间出现两次</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['duplicate_period']</extracomment>
            <translation>The file has the same indicator and period twice</translation>
        </message>
        <message>
            <source>文件中同一指标编号出现两次</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['duplicate_indicator']</extracomment>
            <translation>The file has the same indicator ID twice</translation>
        </message>
        <message>
            <source>该期间已有数值</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['observation_exists']</extracomment>
            <translation>This period already has a value</translation>
        </message>
        <message>
            <source>指标名称为空</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['invalid_name']</extracomment>
            <translation>The indicator name is empty</translation>
        </message>
        <message>
            <source>单位为空</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['invalid_unit']</extracomment>
            <translation>The unit is empty</translation>
        </message>
        <message>
            <source>比较方式无效</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['invalid_comparator']</extracomment>
            <translation>Invalid comparison</translation>
        </message>
        <message>
            <source>目标区间无效（上限不能低于下限）</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['invalid_range']</extracomment>
            <translation>Invalid target range (the upper bound cannot be below the lower bound)</translation>
        </message>
        <message>
            <source>期限格式不对（应为年份或 YYYY-MM-DD）</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['invalid_deadline']</extracomment>
            <translation>Invalid deadline (use a year or YYYY-MM-DD)</translation>
        </message>
        <message>
            <source>基期值和基期须同时填写</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['baseline_incomplete']</extracomment>
            <translation>Enter both the baseline value and the baseline period</translation>
        </message>
        <message>
            <source>该期间没有数值</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['no_observation']</extracomment>
            <translation>This period has no value</translation>
        </message>
        <message>
            <source>没有这个字段</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['unknown_field']</extracomment>
            <translation>No such field</translation>
        </message>
        <message>
            <source>该建议已处理</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['already_decided']</extracomment>
            <translation>This proposal has already been reviewed</translation>
        </message>
        <message>
            <source>属性无效（应为约束性或预期性）</source>
            <extracomment>words.INDICATOR_ERROR_WORDS['invalid_attribute']</extracomment>
            <translation>Invalid attribute (must be binding or expected)</translation>
        </message>
        <message>
            <source>不支持的文件类型（支持 .xlsx、.csv）</source>
            <extracomment>words.TABLE_FILE_WORDS['unsupported_type']</extracomment>
            <translation>Unsupported file type (use .xlsx or .csv)</translation>
        </message>
        <message>
            <source>要写入的文件夹不存在</source>
            <extracomment>words.TABLE_FILE_WORDS['no_folder']</extracomment>
            <translation>The folder to write to does not exist</translation>
        </message>
        <message>
            <source>文件无法读取</source>
            <extracomment>words.TABLE_FILE_WORDS['unreadable']</extracomment>
            <translation>The file cannot be read</translation>
        </message>
        <message>
            <source>创建</source>
            <extracomment>words.AUDIT_ACTION_WORDS['create']</extracomment>
            <translation>Created</translation>
        </message>
        <message>
            <source>修改</source>
            <extracomment>words.AUDIT_ACTION_WORDS['edit']</extracomment>
            <translation>Edited</translation>
        </message>
        <message>
            <source>删除</source>
            <extracomment>words.AUDIT_ACTION_WORDS['delete']</extracomment>
            <translation>Delete</translation>
        </message>
        <message>
            <source>记录</source>
            <extracomment>words.AUDIT_ACTION_WORDS['record']</extracomment>
            <translation>Record</translation>
        </message>
        <message>
            <source>替换</source>
            <extracomment>words.AUDIT_ACTION_WORDS['replace']</extracomment>
            <translation>Replaced</translation>
        </message>
        <message>
            <source>删除观测值</source>
            <extracomment>words.AUDIT_ACTION_WORDS['delete_observation']</extracomment>
            <translation>Deleted a value</translation>
        </message>
        <message>
            <source>采纳建议</source>
            <extracomment>words.AUDIT_ACTION_WORDS['accept']</extracomment>
            <translation>Accepted a proposal</translation>
        </message>
        <message>
            <source>不采纳建议</source>
            <extracomment>words.AUDIT_ACTION_WORDS['reject']</extracomment>
            <translation>Rejected a proposal</translation>
        </message>
        <message>
            <source>约束性</source>
            <extracomment>words.ATTRIBUTE_WORDS['binding']</extracomment>
            <translation>Binding</translation>
        </message>
        <message>
            <source>预期性</source>
            <extracomment>words.ATTRIBUTE_WORDS['expected']</extracomment>
            <translation>Expected</translation>
        </message>
        <message>
            <source>标题（小标宋、宋体）</source>
            <extracomment>words.FONT_ROLE_WORDS['song']</extracomment>
            <translation>Title (Xiaobiaosong, Song)</translation>
        </message>
        <message>
            <source>一级标题“一、”（黑体）</source>
            <extracomment>words.FONT_ROLE_WORDS['hei']</extracomment>
            <translation>Level-1 heading “一、” (Hei)</translation>
        </message>
        <message>
            <source>二级标题“（一）”（楷体）</source>
            <extracomment>words.FONT_ROLE_WORDS['kai']</extracomment>
            <translation>Level-2 heading “（一）” (Kai)</translation>
        </message>
        <message>
            <source>正文（仿宋_GB2312）</source>
            <extracomment>words.FONT_ROLE_WORDS['fangsong']</extracomment>
            <translation>Body text (FangSong_GB2312)</translation>
        </message>
        <message>
            <source>自选字体</source>
            <extracomment>words.FONT_SOURCE_WORDS['user']</extracomment>
            <translation>Chosen font</translation>
        </message>
        <message>
            <source>系统字体</source>
            <extracomment>words.FONT_SOURCE_WORDS['system']</extracomment>
            <translation>System font</translation>
        </message>
        <message>
            <source>内置字体</source>
            <extracomment>words.FONT_SOURCE_WORDS['bundled']</extracomment>
            <translation>Bundled font</translation>
        </message>
        <message>
            <source>不是 TrueType 字体（PDF 只能嵌入 TrueType 轮廓，OpenType/CFF 字体不可用）</source>
            <extracomment>words.FONT_PROBLEM_WORDS['not_truetype']</extracomment>
            <translation>Not a TrueType font (PDFs can embed only TrueType outlines; OpenType/CFF fonts cannot be used)</translation>
        </message>
        <message>
            <source>字体不含中文字形</source>
            <extracomment>words.FONT_PROBLEM_WORDS['no_cjk']</extracomment>
            <translation>The font has no Chinese glyphs</translation>
        </message>
        <message>
            <source>文库中没有文件 {0}</source>
            <extracomment>words.BRIEF_DATA_ERROR_WORDS['unknown_document']</extracomment>
            <translation>The library has no document {0}</translation>
        </message>
        <message>
            <source>没有指标 {0}</source>
            <extracomment>words.BRIEF_DATA_ERROR_WORDS['unknown_indicator']</extracomment>
            <translation>No indicator {0}</translation>
        </message>
        <message>
            <source>没有可报告的指标{0}</source>
            <extracomment>words.BRIEF_DATA_ERROR_WORDS['no_indicators']</extracomment>
            <translation>No indicators to report{0}</translation>
        </message>
        <message>
            <source>没有申报 {0}</source>
            <extracomment>words.BRIEF_DATA_ERROR_WORDS['unknown_application']</extracomment>
            <translation>No application {0}</translation>
        </message>
        <message>
            <source>申报数据有误：{0}</source>
            <extracomment>words.BRIEF_DATA_ERROR_WORDS['application_file']</extracomment>
            <translation>Application data is invalid: {0}</translation>
        </message>
        <message>
            <source>检索词为空</source>
            <extracomment>words.BRIEF_DATA_ERROR_WORDS['empty_query']</extracomment>
            <translation>The search query is empty</translation>
        </message>
        <message>
            <source>没有单位 {0} 的任务</source>
            <extracomment>words.BRIEF_DATA_ERROR_WORDS['unknown_unit']</extracomment>
            <translation>No tasks for unit {0}</translation>
        </message>
        <message>
            <source>没有编号为 {value} 的申报</source>
            <extracomment>words.APPLICATION_ERROR_WORDS['not_found']</extracomment>
            <translation>No application numbered {value}</translation>
        </message>
        <message>
            <source>没有这个版本：{value}</source>
            <extracomment>words.APPLICATION_ERROR_WORDS['no_such_revision']</extracomment>
            <translation>No such revision: {value}</translation>
        </message>
        <message>
            <source>证明材料文件无法读取：{value}</source>
            <extracomment>words.APPLICATION_ERROR_WORDS['evidence_unreadable']</extracomment>
            <translation>The evidence file cannot be read: {value}</translation>
        </message>
        <message>
            <source>没有这个条件：{value}</source>
            <extracomment>words.APPLICATION_ERROR_WORDS['unknown_evidence_key']</extracomment>
            <translation>No such condition: {value}</translation>
        </message>
        <message>
            <source>没有这个证明材料文件：{value}</source>
            <extracomment>words.APPLICATION_ERROR_WORDS['no_such_file']</extracomment>
            <translation>No such evidence file: {value}</translation>
        </message>
        <message>
            <source>无法写入文件：{value}</source>
            <extracomment>words.APPLICATION_ERROR_WORDS['unwritable']</extracomment>
            <translation>Cannot write the file: {value}</translation>
        </message>
        <message>
            <source>证明材料的 SHA-256 无效：{value}</source>
            <extracomment>words.APPLICATION_ERROR_WORDS['bad_hash']</extracomment>
            <translation>Invalid SHA-256 for the evidence: {value}</translation>
        </message>
        <message>
            <source>未启动</source>
            <extracomment>words.TASK_STATUS_WORDS['not_started']</extracomment>
            <translation>Not started</translation>
        </message>
        <message>
            <source>推进中</source>
            <extracomment>words.TASK_STATUS_WORDS['in_progress']</extracomment>
            <translation>In progress</translation>
        </message>
        <message>
            <source>已完成</source>
            <extracomment>words.TASK_STATUS_WORDS['done']</extracomment>
            <translation>Done</translation>
        </message>
        <message>
            <source>滞后</source>
            <extracomment>words.TASK_STATUS_WORDS['lagging']</extracomment>
            <translation>Lagging</translation>
        </message>
        <message>
            <source>牵头</source>
            <extracomment>words.TASK_ROLE_WORDS['lead']</extracomment>
            <translation>Lead</translation>
        </message>
        <message>
            <source>配合</source>
            <extracomment>words.TASK_ROLE_WORDS['supporting']</extracomment>
            <translation>Supporting</translation>
        </message>
        <message>
            <source>没有这项任务（任务编号不在文库的任何文件中）</source>
            <extracomment>words.TASK_ERROR_WORDS['unknown_task']</extracomment>
            <translation>No such task (the task ID is not in any document in the library)</translation>
        </message>
        <message>
            <source>状态应为 未启动、推进中、已完成 或 滞后</source>
            <extracomment>words.TASK_ERROR_WORDS['invalid_status']</extracomment>
            <translation>Status must be 未启动, 推进中, 已完成 or 滞后 (not started, in progress, done, lagging)</translation>
        </message>
        <message>
            <source>进展情况未填写</source>
            <extracomment>words.TASK_ERROR_WORDS['missing_note']</extracomment>
            <translation>Progress not filled in</translation>
        </message>
        <message>
            <source>日期格式不对（应为 YYYY-MM-DD）</source>
            <extracomment>words.TASK_ERROR_WORDS['invalid_date']</extracomment>
            <translation>Invalid date (use YYYY-MM-DD)</translation>
        </message>
        <message>
            <source>日期晚于今天</source>
            <extracomment>words.TASK_ERROR_WORDS['future_date']</extracomment>
            <translation>The date is after today</translation>
        </message>
        <message>
            <source>没有这条进展记录</source>
            <extracomment>words.TASK_ERROR_WORDS['unknown_note']</extracomment>
            <translation>No such progress entry</translation>
        </message>
        <message>
            <source>这条进展记录已撤回</source>
            <extracomment>words.TASK_ERROR_WORDS['already_retracted']</extracomment>
            <translation>This progress entry has already been retracted</translation>
        </message>
        <message>
            <source>文件中同一任务出现两次</source>
            <extracomment>words.TASK_ERROR_WORDS['duplicate_task']</extracomment>
            <translation>The file has the same task twice</translation>
        </message>
        <message>
            <source>单位对照表无法读取</source>
            <extracomment>words.UNIT_TABLE_WORDS['unreadable']</extracomment>
            <translation>The unit table cannot be read</translation>
        </message>
        <message>
            <source>单位对照表不是有效的 JSON</source>
            <extracomment>words.UNIT_TABLE_WORDS['not_json']</extracomment>
            <translation>The unit table is not valid JSON</translation>
        </message>
        <message>
            <source>单位对照表有一项格式不对</source>
            <extracomment>words.UNIT_TABLE_WORDS['bad_entry']</extracomment>
            <translation>An entry in the unit table is malformed</translation>
        </message>
        <message>
            <source>填报进展</source>
            <extracomment>words.TASK_AUDIT_WORDS['record']</extracomment>
            <translation>Recorded progress</translation>
        </message>
        <message>
            <source>撤回进展</source>
            <extracomment>words.TASK_AUDIT_WORDS['retract']</extracomment>
            <translation>Retracted progress</translation>
        </message>
        <message>
            <source>新增申报</source>
            <extracomment>words.WHAT_IF_CHANGE_WORDS['added']</extracomment>
            <translation>Claim added</translation>
        </message>
        <message>
            <source>删除申报</source>
            <extracomment>words.WHAT_IF_CHANGE_WORDS['removed']</extracomment>
            <translation>Claim removed</translation>
        </message>
        <message>
            <source>改按其他事项</source>
            <extracomment>words.WHAT_IF_CHANGE_WORDS['item']</extracomment>
            <translation>Moved to another award</translation>
        </message>
        <message>
            <source>日期</source>
            <extracomment>words.WHAT_IF_CHANGE_WORDS['event_date']</extracomment>
            <translation>Date</translation>
        </message>
        <message>
            <source>是否计入</source>
            <extracomment>words.WHAT_IF_CHANGE_WORDS['included']</extracomment>
            <translation>Counted or not</translation>
        </message>
        <message>
            <source>申请金额</source>
            <extracomment>words.WHAT_IF_CHANGE_WORDS['requested_amount']</extracomment>
            <translation>Amount requested</translation>
        </message>
        <message>
            <source>基数金额</source>
            <extracomment>words.WHAT_IF_CHANGE_WORDS['base_amount']</extracomment>
            <translation>Base amount</translation>
        </message>
        <message>
            <source>产品/项目</source>
            <extracomment>words.WHAT_IF_CHANGE_WORDS['project']</extracomment>
            <translation>Product/project</translation>
        </message>
        <message>
            <source>注册证编号</source>
            <extracomment>words.WHAT_IF_CHANGE_WORDS['certificate']</extracomment>
            <translation>Certificate number</translation>
        </message>
        <message>
            <source>名称</source>
            <extracomment>words.WHAT_IF_CHANGE_WORDS['title']</extracomment>
            <translation>Name</translation>
        </message>
        <message>
            <source>条件答复</source>
            <extracomment>words.WHAT_IF_CHANGE_WORDS['answers']</extracomment>
            <translation>Condition answers</translation>
        </message>
        <message>
            <source>其他政策</source>
            <extracomment>words.WHAT_IF_CHANGE_WORDS['other_claims']</extracomment>
            <translation>Other policies</translation>
        </message>
        <message>
            <source>申报单位信息</source>
            <extracomment>words.WHAT_IF_CHANGE_WORDS['profile']</extracomment>
            <translation>Applicant details</translation>
        </message>
        <message>
            <source>评估日</source>
            <extracomment>words.WHAT_IF_CHANGE_WORDS['as_of']</extracomment>
            <translation>Evaluation date</translation>
        </message>
        <message>
            <source>文库文件的位置上是一个文件夹或其他非普通文件</source>
            <extracomment>words.STORE_PROBLEM_WORDS['not_a_file']</extracomment>
            <translation>The library file path holds a folder or other non-regular file</translation>
        </message>
        <message>
            <source>文库文件为空（0 字节）</source>
            <extracomment>words.STORE_PROBLEM_WORDS['empty']</extracomment>
            <translation>The library file is empty (0 bytes)</translation>
        </message>
        <message>
            <source>文库文件不是 SQLite 数据库（文件头已损坏或被其他内容覆盖）</source>
            <extracomment>words.STORE_PROBLEM_WORDS['not_sqlite']</extracomment>
            <translation>The library file is not an SQLite database (its header is damaged or was overwritten)</translation>
        </message>
        <message>
            <source>文库文件不完整（被截断）</source>
            <extracomment>words.STORE_PROBLEM_WORDS['truncated']</extracomment>
            <translation>The library file is incomplete (truncated)</translation>
        </message>
        <message>
            <source>文库文件的数据页已损坏</source>
            <extracomment>words.STORE_PROBLEM_WORDS['damaged_pages']</extracomment>
            <translation>The library file has damaged data pages</translation>
        </message>
        <message>
            <source>文库文件的版本号无效</source>
            <extracomment>words.STORE_PROBLEM_WORDS['bad_version']</extracomment>
            <translation>The library file has an invalid version number</translation>
        </message>
        <message>
            <source>文库文件的表结构与其版本号不符</source>
            <extracomment>words.STORE_PROBLEM_WORDS['schema_mismatch']</extracomment>
            <translation>The library file’s schema does not match its version number</translation>
        </message>
        <message>
            <source>暂无数据（已过期限）</source>
            <extracomment>words.NO_DATA_PAST_DEADLINE_WORDS</extracomment>
            <translation>No data (deadline passed)</translation>
        </message>
    </context>
    <context>
        <name>indicators</name>
        <message>
            <source>达到</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:81</extracomment>
            <translation>At least </translation>
        </message>
        <message>
            <source>超过</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:82</extracomment>
            <translation>Over </translation>
        </message>
        <message>
            <source>左右</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:83</extracomment>
            <translation>About </translation>
        </message>
        <message>
            <source>不超过</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:84</extracomment>
            <translation>At most </translation>
        </message>
        <message>
            <source>每年</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:91</extracomment>
            <translation>Annual</translation>
        </message>
        <message>
            <source>未定期限</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:92</extracomment>
            <translation>No deadline</translation>
        </message>
        <message>
            <source>状态</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:121</extracomment>
            <translation>Status</translation>
        </message>
        <message>
            <source>地区</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:122</extracomment>
            <translation>Region</translation>
        </message>
        <message>
            <source>指标</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:123</extracomment>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>目标</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:124</extracomment>
            <translation>Target</translation>
        </message>
        <message>
            <source>期限</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:125</extracomment>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>最新值</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:126</extracomment>
            <translation>Latest</translation>
        </message>
        <message>
            <source>来源文件</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:127</extracomment>
            <translation>Source document</translation>
        </message>
        <message>
            <source>属性</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:128</extracomment>
            <translation>Attribute</translation>
        </message>
        <message>
            <source>手工录入</source>
            <extracomment>workbench/ui/item_models/indicator_table_model.py:157</extracomment>
            <translation>Entered by hand</translation>
        </message>
    </context>
    <context>
        <name>ChecklistPanel</name>
        <message>
            <source>本项申报</source>
            <extracomment>workbench/ui/panels/checklist_panel.py:1262</extracomment>
            <translation>This claim</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>数据库由更新版本的政策工作台写入（版本 {0}），本程序支持到版本 {1}：
{2}</source>
            <extracomment>workbench/app.py:94</extracomment>
            <translation>The database was written by a newer Policy Workbench (version {0}); this program supports up to version {1}:
{2}</translation>
        </message>
        <message>
            <source>数据库正被另一个程序占用：{0}</source>
            <extracomment>workbench/app.py:99</extracomment>
            <translation>The database is in use by another program: {0}</translation>
        </message>
    </context>
</TS>
