id: foi-farmland-subsidy
kind: foi
title: 耕地地力保护补贴标准和发放情况
domain: agriculture
expected_reply: 1
subject: 政府信息公开申请：{{year.last}}年耕地地力保护补贴发放情况
note: 涉农补贴政策和发放结果属主动公开范围，县级政府应以村为单位公开发放结果（第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

1. {{year.last}}年耕地地力保护补贴的补贴标准（元/亩）、补贴面积的核定依据及实施方案；
2. 按乡镇（街道）汇总的补贴面积和发放金额；
3. 补贴的发放方式和时间（是否通过惠民惠农财政补贴资金“一卡通”发放）。

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
