id: foi-ethnic-minority-funds
kind: foi
title: 少数民族发展资金分配和项目
domain: ethnic-religion
expected_reply: 2
subject: 申请公开{{year.last}}年少数民族发展资金的分配和项目情况
note: 少数民族发展资金（中央财政衔接推进乡村振兴补助资金中的少数民族发展任务）项目计划和分配结果属于应公开的资金信息；随州少数民族人口少，多为按项目提供（第（二）项），未安排时应答复信息不存在（第（四）项）。

{{unit.name}}：

你好。我是{{persona.name}}（{{persona.id_type}}号码{{persona.id_number}}），家在广水市的一个回族聚居村。想了解民族工作方面的资金情况，依据《中华人民共和国政府信息公开条例》第二十九条，申请公开以下信息：

{{year.last}}年贵单位安排或分配的少数民族发展资金（含民族团结进步示范创建补助）的项目清单：项目名称、实施村（社区）、资金金额、建设内容和完成情况。

请通过电子邮件发送电子版至{{reply_to}}，谢谢。我的电话是{{persona.phone}}，地址是{{persona.address}}。

{{persona.name}}
{{date}}
