id: consult-resident-medical-premium
kind: consult
title: 城乡居民医保缴费标准和渠道
domain: medical-insurance
subject: {{year.current}}年城乡居民医保个人交多少钱，在哪交
keypoint: 380
keypoint: 楚税通 | 微信 | 支付宝 | 银行 | 税务 | 社区 | 村
reference: 2023年度城乡居民基本医疗保险个人缴费标准为每人每年380元，特困人员、低保对象等困难群众按规定享受参保资助。可以通过“楚税通”App、微信或支付宝缴费小程序、合作银行缴纳，也可以到村（社区）、乡镇（街道）社保服务窗口或税务部门办税服务厅现场缴纳。
note: 380元是2023年度的个人缴费标准（国家医保局、财政部、国家税务总局2023年度居民医保工作通知），每年调整，故只在2023年内有效；之后的轮次请按当年通知更新参考答案和 valid_from/valid_until。
valid_from: 2023-01-01
valid_until: 2023-12-31

请问{{year.current}}年度城乡居民医疗保险个人要交多少钱？在哪里交？家里老人不会用手机，能不能到线下交？
