id: foi-designated-medical-institutions
kind: foi
title: 医保定点医疗机构和定点零售药店名单
domain: medical-insurance
expected_reply: 1
subject: 政府信息公开申请：医保定点医药机构名单
note: 定点医药机构名单按规定向社会公布，国家医保服务平台也可查询（第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

目前贵单位辖区基本医疗保险定点医疗机构和定点零售药店名单（名称、地址、联系电话），以及已开通门诊慢特病、跨省异地就医直接结算服务的定点机构名单。

所需信息的形式和获取方式：电子文档（PDF、Word、Excel格式均可），请通过电子邮件发送至{{reply_to}}。如上述信息已经主动公开，请告知具体的网址或栏目名称。

申请人信息
姓名：{{persona.name}}
证件类型：{{persona.id_type}}
证件号码：{{persona.id_number}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
通信地址：{{persona.address}}
邮政编码：{{persona.postcode}}

申请人：{{persona.name}}
{{date}}
