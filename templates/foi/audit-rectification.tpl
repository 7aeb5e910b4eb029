id: foi-audit-rectification
kind: foi
title: 审计查出问题整改情况报告
domain: audit
expected_reply: 1
subject: 政府信息公开申请：{{year.last}}年度审计工作报告查出问题的整改情况
note: 审计查出问题整改情况报告向本级人大常委会报告后向社会公开（《审计法》第三十七条、第四十二条），正确答复多为告知公开途径（第（一）项）；单个审计项目的审计报告可能部分不予公开（第（三）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条，申请公开下列信息：

1. 本级{{year.last}}年度预算执行和其他财政收支审计查出问题的整改情况报告全文；
2. 上述报告中列为“正在整改”或“分阶段整改”的问题清单及整改期限。

所需形式：电子文档，请通过电子邮件发送至{{reply_to}}。如已在门户网站公开，请告知具体网址。

申请人信息
姓名：{{persona.name}}
证件：{{persona.id_type}}　{{persona.id_number}}
联系电话：{{persona.phone}}
通信地址：{{persona.address}}

{{date}}
