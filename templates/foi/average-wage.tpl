id: foi-average-wage
kind: foi
title: 城镇单位就业人员年平均工资
domain: statistics
expected_reply: 1
subject: 政府信息公开申请：{{year.last}}年城镇非私营和私营单位就业人员年平均工资
note: 平均工资数据由统计部门发布（第（一）项）；若尚未发布，应说明发布时间，答复信息尚未形成的属第（四）项。人身损害赔偿、社保缴费基数都用到该数据，是常见申请。

{{unit.name}}：

申请人{{persona.name}}，因处理一起交通事故赔偿需要引用本地平均工资数据，依据《中华人民共和国政府信息公开条例》第二十九条，申请公开：

贵单位辖区{{year.last}}年城镇非私营单位和城镇私营单位就业人员年平均工资（分行业数据一并提供），以及发布该数据的文件或公报名称。

请以电子邮件发送至{{reply_to}}；如已发布，请告知发布网址。

申请人：{{persona.name}}
身份证件：{{persona.id_type}} {{persona.id_number}}
电话：{{persona.phone}}
通信地址：{{persona.address}}
{{date}}
