id: foi-medical-fund-recovery
kind: foi
title: 医保基金监督检查和追回情况
domain: medical-insurance
expected_reply: 2
subject: 申请公开{{year.last}}年医保基金监督检查及追回情况
note: 《医疗保障基金使用监督管理条例》第三十五条要求医保部门公开监督检查结果；按机构列出的处理结果应当公开（第（二）项），已公开的告知途径（第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条，向贵单位申请公开下列政府信息：

一、{{year.last}}年贵单位对定点医药机构开展医保基金监督检查（含飞行检查、专项检查）的总体情况：检查机构数量、查处机构数量、追回医保基金金额；
二、{{year.last}}年因违法违规使用医保基金被暂停或解除医保协议的定点医药机构名单及处理结果。

所需信息请以电子文档形式通过电子邮件发送至{{reply_to}}。

申请人信息
姓名：{{persona.name}}
证件类型：{{persona.id_type}}
证件号码：{{persona.id_number}}
联系电话：{{persona.phone}}
通信地址：{{persona.address}}　邮政编码：{{persona.postcode}}

申请人：{{persona.name}}
{{date}}
