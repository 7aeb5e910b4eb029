id: foi-elevator-inspections
kind: foi
title: 住宅电梯定期检验和维保检查结果
domain: market-regulation
expected_reply: 2
subject: 政府信息公开申请——本小区电梯检验及维保监督检查结果
note: 电梯定期检验结论和监督检查结果属于特种设备安全监管信息，可以公开（第（二）项）；检验报告由检验机构出具，部分内容可能由市场监管部门告知向使用单位查询。

{{unit.name}}政府信息公开工作机构：

我是{{persona.name}}，住在{{persona.address}}，我们楼的电梯今年已经困过好几次人。依据《中华人民共和国政府信息公开条例》第二十九条，申请公开：

1. 我所住小区在用电梯最近一次定期检验的结论和检验日期（按电梯注册代码或楼栋列明）；
2. 自{{year.last}}年以来贵单位对该小区电梯使用单位、维护保养单位开展监督检查的结果及作出的处理决定。

请以电子文档形式通过电子邮件发送至{{reply_to}}。

证件：{{persona.id_type}} {{persona.id_number}}
电话：{{persona.phone}}　邮编：{{persona.postcode}}
申请人：{{persona.name}}
{{date}}
