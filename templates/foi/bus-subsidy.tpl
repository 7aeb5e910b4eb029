id: foi-bus-subsidy
kind: foi
title: 城市公交财政补贴和线路运营
domain: transport
expected_reply: 2
subject: 申请公开城市公交补贴资金和线路运营情况
note: 城市公交运营补贴的发放对象、金额属于财政资金使用信息，应当公开（第（二）项）；线路和票价多已在交通运输部门网站公开（第（一）项）。

{{unit.name}}政府信息公开工作机构：

我叫{{persona.name}}，每天坐公交上下班，发现有几条线路发车间隔越来越长。依据《中华人民共和国政府信息公开条例》第二十九条，向贵单位申请公开：

一、{{year.last}}年度对城市公共交通企业拨付的财政补贴（运营补贴、新能源公交车运营补助、老年人等免费乘车补偿）的金额和依据文件；
二、现行城市公交线路的名称、起讫站点、首末班时间和计划发车间隔。

以电子文档形式通过电子邮件发到{{reply_to}}即可。

身份证件：{{persona.id_type}} {{persona.id_number}}
联系电话：{{persona.phone}}
地址：{{persona.address}}

申请人：{{persona.name}}
{{date}}
