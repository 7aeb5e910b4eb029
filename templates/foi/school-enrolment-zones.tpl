id: foi-school-enrolment-zones
kind: foi
title: 义务教育学校招生划片范围和计划
domain: education
expected_reply: 1
subject: 政府信息公开申请——{{year.current}}年义务教育招生划片范围和招生计划
note: 义务教育领域基层政务公开标准指引要求公开招生范围、招生计划和结果（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

1. {{year.current}}年贵单位辖区公办小学、初中的招生划片（学区）范围，每所学校对应的小区、街道或村；
2. {{year.last}}年秋季各校一年级、七年级的招生计划数和实际录取人数；
3. 随迁子女入学的报名条件和需要提交的材料清单。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
