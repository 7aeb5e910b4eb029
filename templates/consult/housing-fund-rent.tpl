id: consult-housing-fund-rent
kind: consult
title: 租房提取住房公积金
domain: housing
subject: 名下没房租房住，能提取公积金交房租吗
keypoint: 无自有住房 | 无房 | 名下没有
keypoint: 身份证
keypoint: 网上 | App | 柜台 | 服务大厅
reference: 可以。职工本人及配偶在缴存地无自有住房且租赁住房的，可以申请提取住房公积金支付房租，提取额度和次数按随州住房公积金中心的规定执行。可以通过住房公积金网上服务大厅、手机App办理，也可以到服务大厅柜台办理，一般需要身份证，部分情形还需要提供租房合同等材料。
valid_from: 2023-01-01
valid_until: 2026-12-31

我在随州上班，单位给交了住房公积金，自己名下没有房子，一直租房住。请问能不能提取公积金付房租？怎么办理？
