id: foi-veteran-pension-standards
kind: foi
title: 优抚对象抚恤补助标准
domain: veterans
expected_reply: 1
subject: 政府信息公开申请——现行优抚对象抚恤和生活补助标准
note: 抚恤补助标准由退役军人事务部、财政部统一调整，地方执行文件通常已公开（第（一）项）；本地发放人数和资金可提供（第（二）项）。

{{unit.name}}：

我父亲是参战退役人员，我叫{{persona.name}}，想帮他弄清楚现在该领多少补助。依据《中华人民共和国政府信息公开条例》第二十九条，申请公开：

1. 贵单位现行执行的优抚对象抚恤和生活补助标准（残疾军人、带病回乡退伍军人、参战参试退役人员等各类对象的年标准）及执行文件的名称、文号；
2. {{year.last}}年贵单位发放上述补助的总人数和资金总额。

请把电子版发到邮箱{{reply_to}}，收不到的话请寄到{{persona.address}}（{{persona.postcode}}）。

申请人：{{persona.name}}
{{persona.id_type}}：{{persona.id_number}}
电话：{{persona.phone}}
{{date}}
